import Grader
import Testing

/// One detection of forbidden imports serves `vlm-course check` and `vlm-course grade`.
@Suite struct ImportRuleTests {
    @Test func everyFormOfImportingTheReferenceIsFound() {
        #expect(ImportRule.forbiddenModule(importedBy: "import Solutions") == "Solutions")
        #expect(ImportRule.forbiddenModule(importedBy: "@testable import Grader") == "Grader")
        #expect(ImportRule.forbiddenModule(importedBy: "import struct Solutions.CausalMask") == "Solutions")
        #expect(ImportRule.forbiddenModule(importedBy: "  public import Solutions; import Foundation") == "Solutions")
    }

    @Test func allowedImportsAndCommentsAreNot() {
        #expect(ImportRule.forbiddenModule(importedBy: "import Contracts") == nil)
        #expect(ImportRule.forbiddenModule(importedBy: "import TensorKit // not import Solutions") == nil)
        #expect(ImportRule.forbiddenModule(importedBy: "// import Solutions would be cheating") == nil)
        #expect(ImportRule.forbiddenModule(importedBy: "let solutions = 3") == nil)
    }
}
