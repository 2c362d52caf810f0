import { describe, it, expect } from 'vitest';
import { reasonLabel } from './format';

describe('reasonLabel', () => {
	it('does not call a suspension or a lull an ending', () => {
		expect(reasonLabel('suspended')).toBe('Suspended because');
		expect(reasonLabel('dormant')).toBe('Dormant because');
		expect(reasonLabel('terminated')).toBe('Ended because');
	});
});
