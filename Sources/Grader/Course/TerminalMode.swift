import Foundation

/// Key-at-a-time input for `watch`: canonical mode and echo off (signals stay on, so Ctrl-C works),
/// restored on `restore()`, at exit and on SIGINT/SIGTERM.
public enum TerminalMode {
    nonisolated(unsafe) private static var saved: termios?

    /// Switches stdin to raw mode; returns false when stdin is not a terminal.
    public static func enableRaw() -> Bool {
        guard isatty(0) == 1 else { return false }
        var original = termios()
        guard tcgetattr(0, &original) == 0 else { return false }
        saved = original
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(0, TCSANOW, &raw)
        atexit { TerminalMode.restore() }
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in
                TerminalMode.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        return true
    }

    public static func restore() {
        guard var original = saved else { return }
        tcsetattr(0, TCSANOW, &original)
    }

    /// Waits up to `milliseconds` for input; returns the bytes read, `[]` on timeout, nil at EOF.
    static func read(timeout milliseconds: Int32) -> [UInt8]? {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
        return n > 0 ? Array(buffer[0..<n]) : nil
    }
}
