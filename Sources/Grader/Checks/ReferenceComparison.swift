import Contracts
import Solutions
import TensorKit

/// One named value a piece returns, for comparison with the reference's.
enum Returned: Sendable {
    case tensor(String, Tensor)
    case mask(String, Mask)
}

extension Check {
    /// The "matches the reference" check every piece has: `compute` runs each case with the learner's
    /// implementations in the child and again with the reference's in the judge; tensors must agree to
    /// `Expect.close`'s tolerance, masks exactly. A failure names the value and the case's label.
    static func matchesReference<Case: Sendable>(
        _ name: String, _ cases: [Case], label: @escaping @Sendable (Case) -> String,
        compute: @escaping @Sendable (Case, Implementations) throws -> [Returned]
    ) -> Check {
        Check(name, produce: { impl, _ in
            var e = Evidence()
            for (i, c) in cases.enumerated() {
                for value in try compute(c, impl) {
                    switch value {
                    case .tensor(let key, let tensor): e.record("\(i).\(key)", tensor)
                    case .mask(let key, let mask): e.record("\(i).\(key)", mask)
                    }
                }
            }
            return e
        }, judge: { e, _ in
            for (i, c) in cases.enumerated() {
                for value in try compute(c, Reference.implementations) {
                    switch value {
                    case .tensor(let key, let expected):
                        try Expect.close(try e.tensor("\(i).\(key)"), expected, "\(key) (\(label(c)))")
                    case .mask(let key, let expected):
                        try Expect.sameMask(try e.mask("\(i).\(key)"), expected, label(c))
                    }
                }
            }
        })
    }
}
