import type { Catalogue } from '../../catalogue/schema';
import type { CriterionFeedback } from '../../dossier/feedback';
import type { FeedbackMessage } from '../../dossier/feedbackThread';
import type { DossierSnapshot } from '../../dossier/snapshot';
import type { ExportPlan } from '../exportPlan';

/** What the PDF report of one dossier version is made from, on the device and on the server alike. */
export interface ReportInput {
	snapshot: DossierSnapshot;
	/** The catalogue version the snapshot was assessed against. */
	catalogue: Catalogue;
	/** The server's version number; null while the hand-in waits on this device. */
	version: number | null;
	submittedBy: string;
	/** ISO; null while the hand-in waits on this device. */
	receivedAt: string | null;
	/** The advisor's current verdicts (may be empty). */
	feedback: CriterionFeedback[];
	/** The threads per criterion (issue 15), if the caller has them. */
	messages?: FeedbackMessage[];
	/** `planDossierExport(...)`: the evidence files' names in the export. */
	plan: ExportPlan;
	/** sha256 → small JPEG/PNG data URL, for photos shown as thumbnails. */
	thumbnails?: ReadonlyMap<string, string>;
	/** sha256 of files not available for the export. */
	missing?: ReadonlySet<string>;
	/** ISO, when the report was made. */
	madeAt: string;
}
