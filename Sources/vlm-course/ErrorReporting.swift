import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command's work. Any error but an `ExitCode` becomes one line on standard error,
/// `vlm-course: <message>`, and exit status 2: the one place the commands report errors.
func reportingErrors(_ action: () throws -> Void) throws {
    do {
        try action()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        var standardError = StandardError()
        print("vlm-course: \(error)", to: &standardError)
        throw ExitCode(2)
    }
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
