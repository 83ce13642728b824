// Step 1 of the PyTorch golden files (README.md here): every program of
// fixtures/tensorPrograms.ts with its PyTorch export (src/export/pytorch.ts) and
// the Python names of its output and inputs, as JSON on stdout for tensor.py.
import { TENSOR_PROGRAMS } from '../../fixtures/tensorPrograms';
import { compile } from '../../src/engine';
import { pyTorchNames, toPyTorch } from '../../src/export/pytorch';

const exports = TENSOR_PROGRAMS.map(({ id, program }) => {
  const { graph } = compile(program);
  return { id, program, pytorch: toPyTorch(graph), ...pyTorchNames(graph) };
});
process.stdout.write(`${JSON.stringify(exports, null, 2)}\n`);
