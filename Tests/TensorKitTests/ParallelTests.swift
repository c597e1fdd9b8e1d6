import Foundation
import Synchronization
import Testing
@testable import TensorKit

/// `Parallel.perform` runs every iteration exactly once, also for loops inside loops and loops from
/// many callers at once; `forEachChunk` covers its range exactly once, in chunks no smaller than asked.
@Suite struct ParallelTests {
    /// Counts how often each iteration ran.
    private final class Tally: @unchecked Sendable {
        let counts: UnsafeMutablePointer<Atomic<Int>>
        let size: Int
        init(_ size: Int) {
            self.size = size
            counts = .allocate(capacity: size)
            for i in 0..<size { (counts + i).initialize(to: Atomic(0)) }
        }
        func hit(_ i: Int) { counts[i].add(1, ordering: .relaxed) }
        var values: [Int] { (0..<size).map { counts[$0].load(ordering: .relaxed) } }
        deinit { counts.deinitialize(count: size); counts.deallocate() }
    }

    @Test(arguments: [2, 3, 1000])
    func everyIterationRunsOnce(iterations: Int) {
        let tally = Tally(iterations)
        Parallel.perform(iterations) { tally.hit($0) }
        #expect(tally.values == Array(repeating: 1, count: iterations))
    }

    @Test func loopsInsideLoopsAndFromManyCallersAllFinish() async {
        let tally = Tally(8 * 16 * 32)
        await withTaskGroup(of: Void.self) { group in
            for caller in 0..<8 {
                group.addTask {
                    Parallel.perform(16) { outer in
                        Parallel.perform(32) { inner in tally.hit((caller * 16 + outer) * 32 + inner) }
                    }
                }
            }
        }
        #expect(tally.values == Array(repeating: 1, count: 8 * 16 * 32))
    }

    @Test(arguments: [(1, 1), (10, 1), (1000, 1), (1000, 100), (1000, 999), (50_000, 64)])
    func chunksCoverTheRangeOnce(count: Int, minimum: Int) {
        let tally = Tally(count)
        let chunks = Mutex<[Range<Int>]>([])
        Parallel.forEachChunk(count, minimumPerChunk: minimum) { range in
            chunks.withLock { $0.append(range) }
            range.forEach(tally.hit)
        }
        #expect(tally.values == Array(repeating: 1, count: count))
        let sizes = chunks.withLock { $0.map(\.count) }
        #expect(sizes.count == 1 || sizes.allSatisfy { $0 >= minimum }, "chunk sizes \(sizes.sorted())")
        #expect(sizes.count <= Parallel.chunksPerThread * Parallel.threadCount)
        if Parallel.threadCount > 1 && count / minimum >= 2 * Parallel.threadCount {
            #expect(sizes.count > Parallel.threadCount, "more chunks than threads, so that they can even out")
        }
    }
}
