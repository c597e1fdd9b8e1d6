import ArgumentParser
import Foundation
import TensorKit

/// Times TensorKit kernels; prints one JSON object per line:
/// `{"name": …, "median_ms": …, "min_ms": …, "runs": …, "threads": …}` plus `gflops` or `gbps`.
/// Build with `-c release`: debug builds of numeric Swift are 20–100× slower.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vlm-bench",
        abstract: "Benchmark TensorKit kernels (JSON lines). Threads: VLM_THREADS (default: every core).")

    @Argument(help: "Benchmarks to run (default: all). Known: \(Benchmarks.all.map(\.name).joined(separator: ", ")).")
    var names: [String] = []

    @Option(help: "Timed runs per benchmark after warm-up.")
    var runs: Int = 30

    @Option(help: "CLIP checkpoint directory, needed by \(CLIPBenchmark.name) (see scripts/make-clip-b16-checkpoint).")
    var model: String?

    @Option(help: .hidden)
    var makeClipCheckpoint: String?

    @Flag(help: "Print JSON lines (the default and only format; kept for scripts).")
    var json = false

    func validate() throws {
        let known = Set(Benchmarks.all.map(\.name) + [CLIPBenchmark.name])
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw ValidationError("unknown benchmark '\(unknown)'; known: \(known.sorted().joined(separator: ", "))")
        }
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        if names.contains(CLIPBenchmark.name) && model == nil {
            throw ValidationError("\(CLIPBenchmark.name) needs --model DIR (make one with scripts/make-clip-b16-checkpoint)")
        }
    }

    func run() throws {
        if let directory = makeClipCheckpoint {
            return try CLIPBenchmark.writeCheckpoint(to: URL(fileURLWithPath: directory))
        }
        var available = Benchmarks.all
        if let model { available.append(try CLIPBenchmark.benchmark(directory: URL(fileURLWithPath: model))) }
        let selected = names.isEmpty ? available : available.filter { names.contains($0.name) }
        let threads = String(Parallel.threadCount)
        for benchmark in selected {
            let work = try benchmark.prepare()
            for _ in 0..<3 { work() }
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                work()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let median = times[times.count / 2]
            var fields = ["\"name\": \"\(benchmark.name)\"", "\"median_ms\": \(rounded(median))",
                          "\"min_ms\": \(rounded(times[0]))", "\"runs\": \(runs)", "\"threads\": \"\(threads)\""]
            if let flops = benchmark.flops { fields.append("\"gflops\": \(rounded(flops / median / 1e6))") }
            if let bytes = benchmark.bytes { fields.append("\"gbps\": \(rounded(bytes / median / 1e6))") }
            print("{" + fields.joined(separator: ", ") + "}")
        }
    }

    private func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
