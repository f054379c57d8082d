import type { Component } from 'svelte';
import type { RegisterSegment } from '$lib/domain/registers/descriptions';
import ChildmindingRegister from './ChildmindingRegister.svelte';
import FamilyEducationRegister from './FamilyEducationRegister.svelte';
import OfficeHoursRegister from './OfficeHoursRegister.svelte';
import PartnersRegister from './PartnersRegister.svelte';
import PreventionRegister from './PreventionRegister.svelte';
import QualificationsRegister from './QualificationsRegister.svelte';
import type { RegisterScreenProps } from './registerEditor.svelte';

/** The screen of each register description: the one place where a description meets Svelte. */
export const registerScreens: Record<RegisterSegment, Component<RegisterScreenProps>> = {
	sprechstunden: OfficeHoursRegister,
	familienbildung: FamilyEducationRegister,
	kindertagespflege: ChildmindingRegister,
	partner: PartnersRegister,
	praevention: PreventionRegister,
	qualifikationen: QualificationsRegister
};
