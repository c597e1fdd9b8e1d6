@testable import BatchGrading
import Foundation
import Grader
import Testing

/// Who stopped the compiler: the student's code (compile-error), one of the compile limits
/// (compile-error naming it) or anything else (grader-error). Outputs as swiftc 6.3 prints them.
@Suite("Compiler verdicts")
struct CompilerVerdictTests {
    static let sources: Set<String> = ["Part1/CausalMask.swift", "Part1/Bomb.swift", "main.swift"]
    static let prefixes = ["/w/students/s/src/", "/w/runner/"]

    static func verdict(_ termination: ChildProcess.Termination, _ output: String,
                        lowSpace: String? = nil) -> CompilerVerdict {
        CompilerVerdict.of(termination, output: output, limits: CompileLimits(), sources: sources, prefixes: prefixes,
                           lowSpace: { lowSpace })
    }

    static let typeError = """
        /w/students/s/src/Part1/CausalMask.swift:12:54: error: cannot convert value of type 'String' to expected argument type 'Int'
        10 |     public static func causalMask(seqLen: Int) -> Mask {
        12 |         Mask.upperTriangle(seqLen, seqLen, diagonal: "one")  // LLVM ERROR: out of memory
           |                                                      `- error: cannot convert value of type 'String' to expected argument type 'Int'
        """

    @Test("the code's own errors are a compile-error with them, paths relative; an excerpt's text counts for nothing")
    func ownErrors() {
        #expect(Self.verdict(.exited(1), Self.typeError) == .student([
            "Part1/CausalMask.swift:12:54: error: cannot convert value of type 'String' to expected argument type 'Int'"]))
    }

    @Test("a duplicate symbol at the link is the code's, with the driver's summary lines around it")
    func duplicateSymbol() {
        let output = """
            error: link command failed with exit code 1 (use -v to see invocation)
            ld.lld: error: duplicate symbol: main
            >>> defined at main.o
            clang: error: linker command failed with exit code 1 (use -v to see invocation)
            """
        #expect(Self.verdict(.exited(1), output) == .student(["ld.lld: error: duplicate symbol: main"]))
    }

    @Test("each limit is a compile-error that names it", arguments: [
        (ChildProcess.Termination.timedOut, "", "did not finish within 120 s (the compile time limit)"),
        (.exited(1), "error: compile command failed due to signal 6 (use -v to see invocation)\nLLVM ERROR: out of memory\n"
            + "Allocation failed\n4.\tWhile emitting IR SIL function \"@$s9Exercises4bomb_WZ\".\n for declaration 0x5620 "
            + "(at /w/students/s/src/Part1/Bomb.swift:1:8)",
         "needed more than 3 GiB of memory (the compile memory limit) compiling Part1/Bomb.swift"),
        (.exited(1), "error: compile command failed due to signal 24 (use -v to see invocation)",
         "used more than 120 s of CPU time (the compile CPU limit)"),
        (.signaled(SIGXFSZ), "", "wrote a file larger than 256 MiB (the compile file-size limit)"),
        (.exited(1), "clang: error: unable to execute command: File size limit exceeded",
         "wrote a file larger than 256 MiB (the compile file-size limit)"),
    ])
    func limits(termination: ChildProcess.Termination, output: String, message: String) {
        #expect(Self.verdict(termination, output) == .limit("the compiler " + message))
    }

    @Test("the machine's failures are grader-errors that say what happened", arguments: [
        // The linker killed on a full disk (the issue's 3 MB volume).
        (ChildProcess.Termination.exited(1), "clang: error: unable to execute command: Bus error\n"
            + "clang: error: linker command failed due to signal (use -v to see invocation)",
         "clang: error: unable to execute command: Bus error"),
        // Another run deleted the sources (the issue's two runs on one OUT).
        (.exited(1), "<unknown>:0: error: error opening input file 'Part1/CausalMask.swift' (No such file or directory)",
         "error opening input file"),
        (.exited(1), "<unknown>:0: error: unable to open output file '/w/students/s/module/Exercises.o': 'No space left on device'",
         "the disk is full"),
        // Killed from outside (the kernel's OOM killer): not a limit the grader set.
        (.exited(1), "error: compile command failed due to signal 9 (use -v to see invocation)", "signal 9"),
        // The compiler crashed on its own (an assertion, a stack overflow).
        (.exited(1), "error: compile command failed due to signal 11 (use -v to see invocation)\nStack dump:\n0.\tProgram arguments: …",
         "signal 11"),
        (.signaled(SIGKILL), "", "(signal 9)"),
        (.exited(1), "bwrap: Can't find source path /w/students/s/src: No such file or directory", "bwrap: Can't find source path"),
        (.exited(127), "prlimit: failed to execute swiftc: No such file or directory", "exit status 127"),
        (.exited(1), "", "no output"),
        // A located error in a file that is not the student's.
        (.exited(1), "/usr/include/stdio.h:1:1: error: unknown type name", "/usr/include/stdio.h"),
    ])
    func graderFaults(termination: ChildProcess.Termination, output: String, cause: String) {
        let verdict = Self.verdict(termination, output)
        guard case .grader(let message) = verdict else {
            Issue.record("\(verdict) is not a grader-error")
            return
        }
        #expect(message.contains(cause), "\(message)")
    }

    @Test("a located error while the disk is nearly full is blamed on the disk")
    func lowSpace() {
        #expect(Self.verdict(.exited(1), Self.typeError, lowSpace: "3.0 MiB free") == .grader("3.0 MiB free"))
    }

    @Test("a module missing from the read-only cache is compiled again with a private cache")
    func readOnlyCache() {
        let output = "<unknown>:0: error: unable to open output file '/w/module-cache/2S57F1FP5L1DY/CoreFoundation-U8E0.pcm': "
            + "'Read-only file system'\n/w/students/s/src/A.swift:1:8: error: could not build C module 'CoreFoundation'"
        #expect(CompilerVerdict.needsPrivateCache(output: output, moduleCache: "/w/module-cache"))
        #expect(!CompilerVerdict.needsPrivateCache(output: Self.typeError, moduleCache: "/w/module-cache"))
    }
}
