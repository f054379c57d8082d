import { z } from 'zod';
import { apiErrorBodySchema } from '$lib/domain/accounts';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { operations, type Operation } from './operations';

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema (draft 2020-12, which OpenAPI 3.1 uses); what JSON cannot say becomes `{}`. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
	const { $schema: _, ...rest } = z.toJSONSchema(schema, {
		io,
		unrepresentable: 'any',
		target: 'draft-2020-12'
	});
	return rest;
}

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } }
});

function pathParameters(path: string) {
	return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
		name,
		in: 'path',
		required: true,
		schema: { type: 'string' }
	}));
}

function queryParameters(query: z.ZodObject | undefined) {
	if (!query) return [];
	const schema = jsonSchema(query, 'input') as {
		properties?: Record<string, JsonSchema>;
		required?: string[];
	};
	return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
		name,
		in: 'query',
		required: schema.required?.includes(name) ?? false,
		schema: property
	}));
}

function success(operation: Operation) {
	const { response } = operation;
	if ('empty' in response) return { description: 'Yes (404 when not)' };
	if ('binary' in response) {
		return {
			description: 'The file',
			content: { [response.binary]: { schema: { type: 'string', contentMediaType: response.binary } } }
		};
	}
	return {
		description: 'Success',
		content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } }
	};
}

function describeOperation(operation: Operation) {
	const responses: Record<string, unknown> = { [String(operation.response.status)]: success(operation) };
	if (operation.body || operation.query)
		responses['400'] = errorResponse('Invalid input, with German messages per field');
	if (operation.access !== 'public') responses['401'] = errorResponse('No valid session');
	if (Array.isArray(operation.access) || operation.access === 'session')
		responses['403'] = errorResponse('Not allowed for this user or facility');
	responses.default = errorResponse('Any other error; `message` is German and meant for the user');
	return {
		summary: operation.summary,
		operationId: `${operation.method}${operation.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
		...(Array.isArray(operation.access) ? { 'x-roles': operation.access } : {}),
		security: operation.access === 'public' ? [] : [{ session: [] }],
		parameters: [...pathParameters(operation.path), ...queryParameters(operation.query)],
		...(operation.body
			? {
					requestBody: {
						required: true,
						content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } }
					}
				}
			: {}),
		responses
	};
}

/** The OpenAPI 3.1 description of the JSON API, built from `operations` once per process. */
export function openApiDocument(version: string): Record<string, unknown> {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const operation of operations) {
		paths[operation.path] ??= {};
		paths[operation.path][operation.method] = describeOperation(operation);
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Gütesiegel-Mappe API',
			version,
			description:
				'The JSON API of the Gütesiegel-Mappe. Requests that change something need the Origin header of ' +
				'the app (CSRF check); error bodies are `{ error: { code, message, issues? } }` with German messages.'
		},
		paths,
		components: {
			schemas: { ApiError: jsonSchema(apiErrorBodySchema, 'output') },
			securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } }
		}
	};
}
