import Foundation
import Grader

/// What stopped a compiler step that did not succeed, decided from what the grader observes: how
/// the process ended, the limits it set (`CompileLimits`), what the compiler printed, and the
/// free space. The rule (README, "Batch grading"), in order:
///
/// 1. the wall clock, the memory (the frontend's own "out of memory"), the CPU (SIGXCPU) or the
///    file-size (SIGXFSZ, EFBIG) limit → `limit`: the student's compile-error, naming the limit;
/// 2. less free space than one student's build needs, or "No space left on device" → `grader`;
/// 3. exit status 1 with only the code's own diagnostics — errors located in the student's files
///    or the runner's `main.swift`, the linker's duplicate or undefined symbols, a file name used
///    twice — and no sign of a crashed tool → `student`: compile-error with those errors;
/// 4. anything else (a signal, a tool that could not start, an input file missing, an unknown
///    error) → `grader`: grader-error. When in doubt, the grader is blamed.
enum CompilerVerdict: Equatable {
    case student([String])
    case limit(String)
    case grader(String)

    /// What a failed step means, from how it ended and what it printed (`raw`: stdout and stderr).
    /// `sources`: the names diagnostics locate the student's code with, once `prefixes` are removed
    /// from paths; `lowSpace`: why the free space is too little, if it is.
    static func of(_ termination: ChildProcess.Termination, output raw: String, limits: CompileLimits, sources: Set<String>,
                   prefixes: [String], lowSpace: () -> String?) -> CompilerVerdict {
        if termination == .timedOut {
            return .limit("the compiler did not finish within \(limits.wallSeconds) s (the compile time limit)")
        }
        let log = prefixes.reduce(raw) { $0.replacingOccurrences(of: $1, with: "") }
        let lines = log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !isExcerpt($0) }
        if let limit = limitReached(lines, termination, limits, log: log) { return .limit(limit) }
        if let low = lowSpace() { return .grader(low) }
        if let full = lines.first(where: { $0.contains("No space left on device") || $0.contains("Disk quota exceeded") }) {
            return .grader("the disk is full: \(full)")
        }
        let errors = lines.filter { $0.contains("error:") }
        let own = errors.filter { isStudentDiagnostic($0, sources: sources) }
        let crashed = lines.first { line in crashMarkers.contains { line.contains($0) } }
        let unexplained = errors.first { !own.contains($0) && !followUps.contains(where: $0.contains) }
        if termination == .exited(1), !own.isEmpty, crashed == nil, unexplained == nil {
            var seen = Set<String>()
            return .student(own.filter { seen.insert($0).inserted })
        }
        let detail = crashed ?? unexplained ?? lines.last ?? "no output"
        return .grader("the compiler stopped (\(describe(termination))) other than by a limit set for the "
            + "student's code: \(detail)")
    }

    /// True when the compiler had to write a module into the shared, read-only `moduleCache` (the
    /// code imports a system module the warm-up did not): compile again with a private cache.
    static func needsPrivateCache(output: String, moduleCache: String) -> Bool {
        output.contains(moduleCache) && output.contains("Read-only file system")
    }

    /// The build's outcome when a step stopped with this verdict; `explaining` heads the code's errors.
    func outcome(explaining: String? = nil) -> StudentBuild.Outcome {
        switch self {
        case .student(let errors): .failed((explaining.map { [$0] } ?? []) + errors)
        case .limit(let message): .failed([message])
        case .grader(let cause): .graderError(cause)
        }
    }

    /// Lines a tool prints when it crashed or could not run, never for a mistake in the code.
    static let crashMarkers = ["Stack dump:", "failed due to signal", "unable to execute command", "LLVM ERROR",
                               "Please submit a bug report", "error opening input file", "unable to open output file"]
    /// The driver's and clang's summary after the errors above them ("… failed with exit code 1").
    static let followUps = ["error: link command failed with exit code 1", "clang: error: linker command failed with exit code 1",
                            "error: compile command failed with exit code 1"]

    /// The limit that stopped the compiler, as the student's message.
    private static func limitReached(_ lines: [String], _ termination: ChildProcess.Termination, _ limits: CompileLimits,
                                     log: String) -> String? {
        let signal: Int32? = if case .signaled(let number) = termination { number } else { nil }
        let has = { (text: String) in lines.contains { $0.contains(text) } }
        if has("LLVM ERROR: out of memory") || has("Allocation failed") || has("std::bad_alloc") {
            return "the compiler needed more than \(size(limits.memoryBytes)) of memory (the compile memory limit)"
                + (fileBeingCompiled(log).map { " compiling \($0)" } ?? "")
        }
        if signal == SIGXCPU || has("failed due to signal \(SIGXCPU)") || has("CPU time limit exceeded") {
            return "the compiler used more than \(limits.cpuSeconds) s of CPU time (the compile CPU limit)"
        }
        if signal == SIGXFSZ || has("failed due to signal \(SIGXFSZ)") || has("File size limit exceeded") || has("File too large") {
            return "the compiler wrote a file larger than \(size(limits.fileSizeBytes)) (the compile file-size limit)"
        }
        return nil
    }

    /// `Part1/Bomb.swift` from the crash report's "(at Part1/Bomb.swift:1:8)", the innermost one.
    static func fileBeingCompiled(_ log: String) -> String? {
        log.components(separatedBy: "(at ").dropFirst().compactMap { part in
            part.split(separator: ":").first.map(String.init).flatMap { $0.hasSuffix(".swift") ? $0 : nil }
        }.last
    }

    /// An error the student's code caused and a rerun would repeat.
    static func isStudentDiagnostic(_ line: String, sources: Set<String>) -> Bool {
        if line.hasPrefix("ld.lld: error: duplicate symbol") || line.hasPrefix("ld.lld: error: undefined symbol") { return true }
        if line.hasPrefix("<unknown>:0: error: filename"), line.contains("used twice") { return true }
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 && sources.contains(String(parts[0])) && Int(parts[1]) != nil && Int(parts[2]) != nil
            && parts[3].hasPrefix(" error:")
    }

    /// A line of the source excerpts the compiler prints under a diagnostic (`12 | code`, `| `- error`).
    static func isExcerpt(_ line: String) -> Bool {
        line.hasPrefix("|") || line.drop(while: \.isNumber).hasPrefix(" |")
    }

    static func describe(_ termination: ChildProcess.Termination) -> String {
        switch termination {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "signal \(signal)"
        case .timedOut: "timed out"
        }
    }

    /// `3 GiB`, `600 MiB`.
    static func size(_ bytes: Int) -> String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }
}
