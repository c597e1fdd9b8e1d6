// swift-tools-version:6.0
// The module graph (arrows point at dependencies; most libraries also use TensorKit):
//   vlm-course → BatchGrading → CArchive, GRDB, Grader → Solutions → Contracts → TensorKit → COpenBLAS, TensorKernels
//              → Lessons → Ccmark, Contracts, Demos, Figures       Demos → Figures, Models, Solutions
//              → Figures → Models, Solutions, Images, CCairo (Cairo for PNG figures)
//              → Models → Solutions, Images → CPNG, CJPEG
//   course-runner → Exercises → Contracts, and Demos, Figures, Grader: the learner's code runs only in it
//   vlm-bench → Models, Images
// Exercises (learner code) never depends on Solutions or Grader; vlm-course never depends on Exercises.
// TensorKernels is the project's own C: row kernels compiled per instruction set (AVX-512, AVX2 + FMA,
// baseline) and picked at load time, which Swift cannot do per function (its README says more).
import PackageDescription

let readme = ["README.md"]

let package = Package(
    name: "vlm-course",
    products: [
        .executable(name: "vlm-course", targets: ["vlm-course"]),
        .executable(name: "vlm-bench", targets: ["vlm-bench"]),
        // The learner's code and the course's child side: what `check` and `plot --mine` start (the
        // course tool itself never links Exercises). `check` builds it with swiftc when it can.
        .executable(name: "course-runner", targets: ["course-runner"]),
        // The course's prebuilt half for `vlm-course grade`: each student's runner links this archive.
        .library(name: "CourseKit", type: .static, targets: ["TensorKit", "Contracts", "Grader", "Solutions"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Tests only: BatchTests parses the GitHub Classroom workflow the course writes.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: - C libraries from Debian -dev packages
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),

        // MARK: - Libraries
        .target(name: "TensorKernels", exclude: readme, linkerSettings: [.linkedLibrary("m")]),
        .target(name: "TensorKit", dependencies: ["COpenBLAS", "TensorKernels"], exclude: readme),
        .target(name: "Lessons", dependencies: ["Ccmark", "Contracts", "Demos", "Figures"], exclude: readme),
        .target(name: "Demos", dependencies: ["Contracts", "Figures", "Images", "Models", "Solutions", "TensorKit"], exclude: readme),
        .target(name: "Contracts", dependencies: ["TensorKit"], exclude: readme),
        .target(name: "Exercises", dependencies: ["Contracts", "TensorKit"], exclude: readme),
        .target(name: "Solutions", dependencies: ["Contracts", "TensorKit"], exclude: readme),
        .target(name: "Grader", dependencies: ["Contracts", "Solutions", "TensorKit"], exclude: readme),
        .target(name: "Figures", dependencies: ["CCairo", "Contracts", "Images", "Models", "Solutions", "TensorKit"],
                exclude: readme),
        .target(name: "BatchGrading", dependencies: [
            "CArchive", "Contracts", "Grader", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: readme),
        .target(name: "Images", dependencies: ["CPNG", "CJPEG"], exclude: readme),
        .target(name: "Models", dependencies: ["Images", "Solutions", "TensorKit"],
                exclude: readme + ["DINOv2/README.md"]),

        // MARK: - Executables
        .executableTarget(name: "vlm-course", dependencies: [
            "BatchGrading", "Contracts", "Figures", "Grader", "Lessons", "Models", "Solutions", "TensorKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "course-runner", dependencies: ["Contracts", "Demos", "Exercises", "Figures", "Grader"]),
        .executableTarget(name: "vlm-bench", dependencies: [
            "Images", "Models", "TensorKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["TensorKit"], path: "Tests/TestSupport"),
        // SimilarityCorpus: learners' files (Swift source as test data, not compiled into the tests).
        .testTarget(name: "BatchTests", dependencies: ["BatchGrading", "Contracts", "Grader",
                                                     .product(name: "Yams", package: "Yams")],
                    exclude: ["SimilarityCorpus"]),
        // Outcome-named learner implementations (correct, wrong values, traps, hangs, …) behind the
        // same child entry point as `vlm-course run-check`, for GraderTests.
        .executableTarget(name: "grader-fixtures", dependencies: ["Contracts", "Grader", "Solutions", "TensorKit"],
                          path: "Tests/GraderFixtures"),
        .testTarget(name: "TensorKitTests", dependencies: [
            "TensorKernels", "TensorKit", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "FiguresTests", dependencies: ["CCairo", "Contracts", "Figures", "Images", "Models", "Solutions",
                                                        "TensorKit", "TestSupport"],
                    exclude: ["Goldens"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images", "TensorKit", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Images", "Solutions", "TensorKit", "TestSupport"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Demos", "Figures", "Images", "Models", "TensorKit"], exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "GraderTests", dependencies: ["Grader", "Contracts", "Solutions", "TensorKit", "TestSupport", "grader-fixtures"]),
        .testTarget(name: "SolutionsTests", dependencies: ["Solutions", "Grader", "Contracts", "TensorKit", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["Contracts", "Grader", "Lessons", "TestSupport", "course-runner", "vlm-course"]),
    ]
)
