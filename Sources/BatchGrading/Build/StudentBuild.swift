import Contracts
import Foundation
import Grader

/// Compiles one student's files into a runner binary against the prebuilt course.
///
/// 1. The student's files alone → module `Exercises` (`-Onone -wmo`, one object), seeing only
///    TensorKit and Contracts. A piece's file the compiler blames is swapped for its stub and the
///    step tried again (`swappable`), so one broken file costs that piece, not the student's grade.
/// 2. That object linked with the precompiled runner (`RunnerObject`) and `libCourseKit.a` (lld);
///    if the symbols do not match, the files are compiled again emitting their module interface
///    (skipped the first time: most submissions link), and the runner's `main.swift` is compiled
///    against it and linked instead.
///
/// Every step runs in `CompileSandbox` under `CompileLimits`, with the course's warmed module
/// cache read-only; the compiler never runs the student's code. `CompilerVerdict` decides whether
/// a failed step is the student's (`failed`) or the grader's (`graderError`).
public struct StudentBuild: Sendable {
    public let artifacts: CourseArtifacts
    public var sandbox: CompileSandbox
    /// The program every step starts, `swiftc` and its flags being its first arguments.
    public var compiler = "/usr/bin/env"
    /// Below this much free space in the work folder, a failed step is blamed on the disk.
    let minimumFree: Int64

    public init(artifacts: CourseArtifacts, sandbox: CompileSandbox) {
        self.artifacts = artifacts
        self.sandbox = sandbox
        minimumFree = SpacePreflight.perStudent(library: artifacts.library)
    }

    public enum Outcome: Sendable, Equatable {
        /// The runner, and the pieces whose file did not compile and was swapped for its stub (with
        /// that file's errors): they are graded `compile-error`, the others as usual.
        case built(URL, stubbed: [PieceID: [String]] = [:])
        /// compile-error: compiler diagnostics (paths relative to the submission) or the limit that stopped it.
        case failed([String])
        /// grader-error: the machine failed, not the code; the cause.
        case graderError(String)
    }

    /// Builds `submission` into `<work>/bin/runner`; `worker` picks the sandbox's cgroup.
    public func build(_ submission: PreparedSubmission, work: URL, worker: Int) -> Outcome {
        if let refusal = ForbiddenCode.scan(submission) { return .failed(refusal) }
        let module = work.appendingPathComponent("module"), bin = work.appendingPathComponent("bin")
        let object = module.appendingPathComponent("Exercises.o"), binary = bin.appendingPathComponent("runner")
        do {
            for folder in [module, bin, work.appendingPathComponent("tmp")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        } catch {
            return .graderError("cannot create the build folders in \(work.path): \(error)")
        }
        let step = CompileStep(build: self, submission: submission, work: work, worker: worker)
        let compile = artifacts.swiftc + ["-wmo", "-parse-as-library", "-module-name", "Exercises",
                                          "-I", artifacts.studentModules.path, "-c", "-o", object.path]
        // The module interface is needed only when the precompiled runner does not link (below).
        let emitModule = ["-emit-module", "-emit-module-path", module.appendingPathComponent("Exercises.swiftmodule").path]
        var inputs = submission.compileInputs, stubbed: [PieceID: [String]] = [:]
        while let stop = step.run(compile + (artifacts.runnerObject == nil ? emitModule : []) + inputs) {
            guard case .student(let errors) = stop, let swap = swappable(errors, submission, already: stubbed) else {
                return stop.outcome()
            }
            for (piece, pieceErrors) in swap {
                // The stub is copied beside the sources, the one folder the compile sandbox shows.
                let file = submission.sourceFolder.appendingPathComponent(pieceErrors.file).path
                let stub = submission.sourceFolder.appendingPathComponent("_swapped/" + stubPath(piece))
                do {
                    try FileManager.default.createDirectory(at: stub.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try? FileManager.default.removeItem(at: stub)
                    try FileManager.default.copyItem(at: artifacts.stubs.appendingPathComponent(stubPath(piece)), to: stub)
                } catch {
                    return .graderError("cannot copy the stub of \(piece.rawValue) into \(submission.sourceFolder.path): \(error)")
                }
                inputs = inputs.map { $0 == file ? stub.path : $0 }
                stubbed[piece] = pieceErrors.errors
            }
        }
        let linkInputs = [object.path, "-L", artifacts.buildFolder.path, "-lCourseKit", "-lopenblas", "-use-ld=lld",
                          "-o", binary.path]
        if let runnerObject = artifacts.runnerObject {
            // The student's object first: the driver writes `runner.autolink` beside the first object,
            // which must be the student's own (writable) folder.
            guard let stop = step.run(["swiftc", object.path, runnerObject.path] + linkInputs.dropFirst()) else {
                return .built(binary, stubbed: stubbed)
            }
            // Student errors here mean the symbols do not match: compile the runner against this module.
            if case .student = stop {} else { return stop.outcome() }
            if let stop = step.run(compile + emitModule + inputs) { return stop.outcome() }
        }
        let link = artifacts.swiftc + ["-module-name", "BatchRunner", "-I", module.path, "-I", artifacts.runnerModules.path,
                                       artifacts.runnerSource.path] + linkInputs
        if let stop = step.run(link) {
            return stop.outcome(explaining: "your files compile, but the course cannot use them (a piece's type was renamed, "
                + "or no longer conforms to its protocol):")
        }
        return .built(binary, stubbed: stubbed)
    }

    /// The pieces to swap for their stubs, with the file and the errors that blame it: every error
    /// must lie in one of the student's files that is a piece's file not yet swapped (else nil: the
    /// build fails as a whole). Errors that follow from another file's are seen again next time.
    func swappable(_ errors: [String], _ submission: PreparedSubmission,
                   already: [PieceID: [String]]) -> [PieceID: (file: String, errors: [String])]? {
        var found: [PieceID: (file: String, errors: [String])] = [:]
        for error in errors {
            let file = String(error.prefix { $0 != ":" })
            guard submission.files.contains(file),
                  let piece = Catalog.exercises.first(where: { ($0.file as NSString).lastPathComponent
                      == (file as NSString).lastPathComponent })?.piece,
                  already[piece] == nil else { return nil }
            found[piece, default: (file, [])].errors.append(error)
        }
        return found.isEmpty ? nil : found
    }

    /// A piece's stub, relative to the course's `Stubs` folder.
    private func stubPath(_ piece: PieceID) -> String {
        String(piece.info.file.dropFirst("Sources/Exercises/".count))
    }
}
