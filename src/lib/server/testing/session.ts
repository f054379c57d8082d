import { postLogin } from '$lib/server/auth/handlers';
import { send } from './requests';
import { TEST_PASSWORD } from './testServer';

/** Logs in through the real endpoint and returns the session token. */
export async function loginToken(email: string, password = TEST_PASSWORD): Promise<string> {
	const response = await send(postLogin, { path: '/api/auth/login', body: { email, password } });
	if (response.status !== 200) throw new Error(`Login as ${email} failed: ${JSON.stringify(response.body)}`);
	return response.sessionCookie!.value;
}
