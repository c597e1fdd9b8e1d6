import Contracts
import Solutions
import TensorKit

/// `causal-mask`: the notebook's four asserts, then the whole mask for several lengths.
enum CausalMaskChecks {
    static let lengths = [8, 1, 2, 5, 16]

    static var checks: [Check] {
        [
            notebook("shape is [8, 8]") { m in
                guard m.shape == [8, 8] else { throw CheckFailure("expected shape [8, 8], got \(m.shape)") }
            },
            notebook("(0, 0) is false: a token attends to itself") { m in
                guard try element(m, 0, 0) == false else { throw CheckFailure("mask[0, 0] is true") }
            },
            notebook("(0, 1) is true: no attending to the future") { m in
                guard try element(m, 0, 1) == true else { throw CheckFailure("mask[0, 1] is false") }
            },
            notebook("(7, 0) is false: attending to the past is allowed") { m in
                guard try element(m, 7, 0) == false else { throw CheckFailure("mask[7, 0] is true") }
            },
            .matchesReference("matches the reference for T = \(lengths.map(String.init).joined(separator: ", "))",
                              lengths, label: { "T = \($0)" }) { t, impl in
                [.mask("mask", impl.causalMask.causalMask(seqLen: t))]
            },
        ]
    }

    /// A check on the notebook's `create_causal_mask(8)`.
    private static func notebook(_ name: String, _ assertion: @escaping @Sendable (Mask) throws -> Void) -> Check {
        Check(name, produce: { impl, _ in
            var e = Evidence()
            e.record("mask", impl.causalMask.causalMask(seqLen: 8))
            return e
        }, judge: { e, _ in try assertion(try e.mask("mask")) })
    }

    private static func element(_ m: Mask, _ i: Int, _ j: Int) throws -> Bool {
        guard m.rank == 2, i < m.shape[0], j < m.shape[1] else {
            throw CheckFailure("mask of shape \(m.shape) has no element (\(i), \(j))")
        }
        return m[i, j]
    }
}
