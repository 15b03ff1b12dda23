import Foundation
import Testing

@testable import Griot

/// The templates read view models through `TemplateObject.value(named:)`, written by hand for
/// speed; these tests hold it equal to the stored properties `Mirror` sees.
@Suite("View model lookup")
struct ViewModelLookupTests {
    /// Walks a view model and everything inside it, checking every field of every type met.
    static func checkLookup(_ value: Any, seen: inout Set<String>) {
        if let array = value as? [Any] {
            for element in array { checkLookup(element, seen: &seen) }
            return
        }
        if let lazy = value as? any MadeOneAtATime {
            for element in lazy.all { checkLookup(element, seen: &seen) }
            return
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value { checkLookup(wrapped, seen: &seen) }
            return
        }
        guard mirror.displayStyle == .struct else { return }
        let typeName = String(describing: type(of: value))
        let parent = value as? any TemplateObject
        #expect(parent != nil, "\(typeName) must conform to TemplateObject")
        seen.insert(typeName)
        for child in mirror.children {
            guard let label = child.label else { continue }
            let expected =
                Mirror(reflecting: child.value).displayStyle == .optional
                && Mirror(reflecting: child.value).children.isEmpty
            let found = parent.flatMap { Self.plain($0.value(named: label)) }
            #expect((found == nil) == expected, "\(typeName).value(named: \"\(label)\") does not answer the field")
            let fieldMirror = Mirror(reflecting: child.value)
            let unwrapped: Any? =
                fieldMirror.displayStyle == .optional ? fieldMirror.children.first?.value : child.value
            if let found, let unwrapped, unwrapped is String || unwrapped is Int || unwrapped is Bool {
                #expect("\(found)" == "\(unwrapped)", "\(typeName).value(named: \"\(label)\") answers another value")
            }
            checkLookup(child.value, seen: &seen)
        }
        #expect(parent.flatMap { Self.plain($0.value(named: "no-such-field")) } == nil)
    }

    /// The value as `Any`, nil when missing: text, flags and numbers as themselves.
    static func plain(_ value: TemplateValue) -> Any? {
        switch value {
        case .missing: nil
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .object(let object): object
        case .list(let items): items
        case .lazyList(let count, let item): (0..<count).map(item)
        }
    }

    @Test("every view model answers exactly its stored properties")
    func lookupMatchesMirror() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let report = fixture.check()
        let site = try #require(report.site)
        let (templates, _) = Templates.load(from: fixture.url("templates"))
        let reader = SiteReader(site: site, templates: try #require(templates))
        var seen = Set<String>()
        for page in site.pages { Self.checkLookup(PageOutput(id: page.id).view(of: page, reader), seen: &seen) }
        Self.checkLookup(HomeOutput().view(reader), seen: &seen)
        Self.checkLookup(TimelineOutput().view(reader), seen: &seen)
        Self.checkLookup(RelationsOutput().view(reader), seen: &seen)
        #expect(seen.count >= 19, "checked: \(seen.sorted())")
    }
}

/// View models made as a template reaches them, all made at once for the walk.
private protocol MadeOneAtATime {
    var all: [Any] { get }
}

extension LazyViews: MadeOneAtATime {
    var all: [Any] { (0..<count).map(make) }
}
