import Foundation

/// `junit.xml`: one `<testsuite>` per student, one `<testcase>` per check (`classname` =
/// `student.piece`). `fail` → `<failure>`; `crash`, `timeout` and unrun pieces (compile error,
/// empty, rejected) → `<error>`; `todo` → `<skipped>`.
public enum JUnitReport {
    public static func render(_ grades: [StudentGrade]) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for grade in grades {
            var cases: [String] = []
            var counts = (tests: 0, failures: 0, errors: 0, skipped: 0)
            for piece in grade.pieces {
                for check in piece.checks {
                    counts.tests += 1
                    let head = "    <testcase classname=\"\(escape("\(grade.student).\(piece.piece)"))\" name=\"\(escape(check.name))\""
                    switch check.status {
                    case "pass":
                        cases.append(head + "/>")
                    case "todo":
                        counts.skipped += 1
                        cases.append(head + ">\n      <skipped message=\"not implemented yet\"/>\n    </testcase>")
                    case "fail":
                        counts.failures += 1
                        cases.append(head + ">\n      <failure message=\"\(escape(firstLine(check.message)))\">"
                            + escape(check.message) + "</failure>\n    </testcase>")
                    default:
                        counts.errors += 1
                        let detail = check.message.isEmpty ? grade.messages.joined(separator: "\n") : check.message
                        cases.append(head + ">\n      <error type=\"\(escape(check.status))\" message=\"\(escape(firstLine(detail)))\">"
                            + escape(detail) + "</error>\n    </testcase>")
                    }
                }
            }
            totals = (totals.tests + counts.tests, totals.failures + counts.failures, totals.errors + counts.errors,
                      totals.skipped + counts.skipped)
            let time = String(format: "%.3f", grade.buildSeconds + grade.runSeconds)
            suites.append("  <testsuite name=\"\(escape(grade.student))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" "
                + "errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(time)\">\n"
                + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"vlm-course grade\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" "
            + "errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n" + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    private static func firstLine(_ text: String) -> String { text.split(separator: "\n").first.map(String.init) ?? "" }

    /// XML text with `& < > " '` escaped and control characters (invalid in XML 1.0) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
