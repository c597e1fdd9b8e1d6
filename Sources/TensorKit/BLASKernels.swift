import COpenBLAS
import Foundation

/// Makes OpenBLAS use the fastest kernels the CPU supports.
///
/// OpenBLAS 0.3.21 (Debian 12) does not recognise some virtualised CPU models and falls back to its
/// SSE3 "Prescott" kernels, several times slower than the AVX-512/AVX2 ones (README). When that
/// happens and the user has not chosen `OPENBLAS_CORETYPE`, TensorKit selects the kernels that the
/// CPU's flags support (SkylakeX for AVX-512, Haswell for AVX2 + FMA) through OpenBLAS's own dynamic
/// dispatch (`gotoblas_dynamic_init`). An explicit `OPENBLAS_CORETYPE` is always respected.
///
/// OpenBLAS then runs every call on the calling thread: `GEMM` does the splitting across threads
/// itself, so that OpenBLAS's worker threads do not spin on cores that TensorKit's own loops need.
enum BLASKernels {
    /// Done once, before the first BLAS call.
    static let selected: String = {
        let core = selectCore()
        openblas_set_num_threads(1)
        return core
    }()

    private static func selectCore() -> String {
        let detected = String(cString: openblas_get_corename())
        guard detected.lowercased() == "prescott",
              ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              let better = preferredCore(cpuFlags: cpuFlags()),
              let quit = symbol("gotoblas_dynamic_quit"), let initialise = symbol("gotoblas_dynamic_init")
        else { return detected }
        setenv("OPENBLAS_CORETYPE", better, 1)
        quit()
        initialise()
        unsetenv("OPENBLAS_CORETYPE")
        return String(cString: openblas_get_corename())
    }

    /// The OpenBLAS core name for a set of `/proc/cpuinfo` flags, or nil to keep the default.
    static func preferredCore(cpuFlags flags: Set<String>) -> String? {
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(flags.contains) { return "SkylakeX" }
        if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
        return nil
    }

    private static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        return Set(line.split(separator: " ").map(String.init))
    }

    private typealias VoidFunction = @convention(c) () -> Void

    private static func symbol(_ name: String) -> VoidFunction? {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: VoidFunction.self)
    }
}
