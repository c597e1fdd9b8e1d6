import Testing
@testable import Lessons

@Suite struct AnchoredSourceTests {
    let source = """
        struct Demo {
            // ANCHOR: outer
            func run() {
                // ANCHOR: inner
                print(1)

                // ANCHOR_END: inner
            }
            // ANCHOR_END: outer
        }
        """

    @Test func extractsAndDedentsTheRegion() {
        #expect(AnchoredSource.region("inner", in: source) == "print(1)\n\n")
    }

    @Test func dropsNestedAnchorLines() {
        #expect(AnchoredSource.region("outer", in: source) == "func run() {\n    print(1)\n\n}\n")
    }

    @Test func missingMarkersGiveNil() {
        #expect(AnchoredSource.region("absent", in: source) == nil)
        #expect(AnchoredSource.region("x", in: "// ANCHOR: x\nno end\n") == nil)
        #expect(AnchoredSource.region("x", inFile: "/nonexistent/file.swift") == nil)
    }
}
