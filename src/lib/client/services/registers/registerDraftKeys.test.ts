import { describe, expect, it } from 'vitest';
import { editingFromDraftKey, registerDraftKey } from './registerDraftKeys';

describe('register draft keys', () => {
	it('name the register, the form and the entry, and lead back to the same form', () => {
		const key = registerDraftKey('officeHours', { kind: 'session', id: 'a1:b2' });
		expect(key).toBe('register:officeHours:session:a1:b2');
		expect(editingFromDraftKey('officeHours', ['plan', 'session'], key)).toEqual({
			kind: 'session',
			id: 'a1:b2'
		});
	});

	it('use „new“ for a new entry', () => {
		const key = registerDraftKey('partners', { kind: 'partner', id: null });
		expect(editingFromDraftKey('partners', ['partner'], key)).toEqual({ kind: 'partner', id: null });
	});

	it('ignore keys of other registers and unknown forms', () => {
		expect(editingFromDraftKey('partners', ['partner'], 'register:prevention:offer:new')).toBeNull();
		expect(editingFromDraftKey('partners', ['partner'], 'register:partners:other:new')).toBeNull();
		expect(editingFromDraftKey('partners', ['partner'], 'register:partners:partner')).toBeNull();
	});
});
