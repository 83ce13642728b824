// Numbers as students read them live with the engine (the op registry writes
// TeX with them); re-exported here for the formulas and the UI.
export { formatNumber, texFactor, texNumber, texWhole } from '../engine/numberText';
