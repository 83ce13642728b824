// The engine's public face: text in, graph and trace out.
import { buildGraph, type BuildOptions } from './build';
import type { Graph } from './graph';
import { parseSource } from './source';
import { traceGraph } from './trace';
import type { Trace } from './trace.types';

export interface Compiled {
  readonly graph: Graph;
  readonly trace: Trace;
}

/** Parses (native or Python, §11), builds and traces a program. Throws ProgramError on a bad program. */
export function compile(text: string, options: BuildOptions = {}): Compiled {
  const graph = buildGraph(parseSource(text), options);
  return { graph, trace: traceGraph(graph) };
}

export { ProgramError } from './errors';
export type { ErrorCode } from './errors';
export type { Graph, GraphEdge, GraphNode, InputRole } from './graph';
export { parameterNodes } from './graph';
export type { Shape, Tensor } from './tensor/tensor';
export { allFinite } from './tensor/tensor';
export type { Contribution, NodeState, Phase, Step, Trace } from './trace.types';
export { OPS, FUNCTIONS, ALL_OPS, ELEMENTWISE, pyNumber, type OpName, type OpEntry, type ElementwiseOp, type TensorOp, type RuleKind, type TexOperands } from './ops';
export { edgeContribution, gradIndexAt, nodeStateAt, localDerivatives, phaseOf, traceGraph } from './trace';
export type { ContributionTensors } from './trace.types';
export { forwardValues, numericGradients, numericGradientTensor, type GradientCheck, checkGradients } from './gradcheck';
export { backwardSweep, dependsOn, forwardSweep } from './sweep';
export { buildGraph, type BuildOptions } from './build';
export { IMAGE_BATCH, type DataBinding, type DataOptions } from './dataLine';
export { setInputValues, setParameterValues, valueLiteral } from './edit';
export { networkProgram, parseUnitName, specProblem, unitName, NETWORK_LIMITS, matrixNetworkProgram, matrixSpecProblem, MATRIX_LIMITS, type UnitName, type Activation, type LossKind, type NetworkSpec, type MatrixNetworkSpec } from './network';
export { descentStep, divergence, forwardTangents, gradientsAt, lossAt, type DescentStep, type Divergence, type Update } from './train';
export { parseProgram } from './parser';
export { parseSource } from './source';
export { detectLanguage } from './language';
export { expandToScalars, type Expansion, type ExpandOptions } from './expand';
