import Dispatch
import Foundation
import TensorKit

/// The exact GELU of DINOv2's MLP, `x · ½ · (1 + erf(x / √2))`, on large activations: the same
/// formula as TensorKit's `GELU()`, split across threads (`Parallel.threadCount`).
enum ExactGELU {
    static func apply(_ x: Tensor) -> Tensor {
        let input = x.contiguous()
        let n = input.count
        let chunks = Swift.max(1, Swift.min(Parallel.threadCount, n / 65_536))
        let storage = TensorStorage(count: n) { out in
            guard let dst = out.baseAddress else { return }
            input.withUnsafeContiguousBuffer { src in
                guard let base = src.baseAddress else { return }
                nonisolated(unsafe) let (s, d) = (base, dst)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let range = (c * n / chunks)..<((c + 1) * n / chunks)
                    for i in range { d[i] = s[i] * 0.5 * (1 + erff(s[i] * Float(0.5).squareRoot())) }
                }
            }
        }
        return Tensor(storage: storage, shape: x.shape)
    }
}
