import Dispatch
import Foundation

/// Threads for every parallel loop, matrix products included (`GEMM` splits them; OpenBLAS itself
/// runs each call on one thread).
public enum Parallel {
    /// `VLM_THREADS` when set to a positive number, otherwise the number of active processors.
    public static let threadCount: Int = {
        if let text = ProcessInfo.processInfo.environment["VLM_THREADS"], let n = Int(text), n > 0 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }()

    /// Calls `body(0) … body(iterations − 1)` concurrently (libdispatch) and returns when all have
    /// finished. The iterations must touch disjoint data. libdispatch hands them out one at a time,
    /// so with more iterations than threads, a thread whose core is busy with other work takes fewer.
    public static func perform(_ iterations: Int, _ body: (Int) -> Void) {
        if iterations <= 1 || threadCount == 1 { (0..<iterations).forEach(body); return }
        withoutActuallyEscaping(body) { body in
            // Callers' iterations touch disjoint data.
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: iterations) { body($0) }
        }
    }

    /// Chunks per thread in `forEachChunk`: enough for the threads to even out when one core is
    /// slowed by other load (on a shared cloud machine one vCPU is often much slower than the
    /// other for a while; README, "Load balance").
    static let chunksPerThread = 4

    /// Calls `body` on disjoint chunks of `0..<count`, in parallel when the work is large enough:
    /// up to `chunksPerThread` chunks per thread, none smaller than `minimumPerChunk`.
    public static func forEachChunk(_ count: Int, minimumPerChunk: Int, _ body: (Range<Int>) -> Void) {
        let chunks = Swift.min(chunksPerThread * threadCount, Swift.max(1, count / Swift.max(minimumPerChunk, 1)))
        if chunks <= 1 || threadCount == 1 { body(0..<count); return }
        perform(chunks) { c in body((c * count / chunks)..<((c + 1) * count / chunks)) }
    }
}
