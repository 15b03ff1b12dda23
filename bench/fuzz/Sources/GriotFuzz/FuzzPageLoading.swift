import Foundation
import Griot

/// libFuzzer's entry point: load the bytes as a country page and as a topic page, render the
/// Markdown with every link rewritten, and check what must always hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageLoading(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for id in [PageID(.country, "fuzz"), PageID(.topic, "fuzz")] {
        let (page, diagnostics) = ContentLoader.loadPage(from: data, path: "content/\(id.kind.folder)/fuzz.md", id: id)
        for diagnostic in diagnostics {
            // Positions are 1-based when present.
            if let line = diagnostic.line, line < 1 { fatalError("line \(line) in \(diagnostic)") }
            if let column = diagnostic.column, column < 1 { fatalError("column \(column) in \(diagnostic)") }
        }
        guard let page else { continue }
        let html = page.body.renderHTML { link in "/rewritten/" + String(link.destination.count) }
        if html.contains("<script") { fatalError("raw HTML reached the output: \(html)") }
        for heading in page.body.headings where !Slug.isValid(heading.id) {
            fatalError("heading id '\(heading.id)' is not a slug")
        }
    }
    return 0
}

// SwiftPM links an executable target's entry point as `GriotFuzz_main`; hand control to
// libFuzzer's driver from there, with the function above as the target.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("GriotFuzz_main")
public func griotFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzPageLoading(start, size) }
}
