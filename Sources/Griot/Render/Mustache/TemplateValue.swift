/// A value as a template sees it: text to show, a flag or list for a section, or an object whose
/// fields the template reads by name.
///
/// View models answer their fields as `TemplateValue`s through ``TemplateObject``, so rendering
/// looks a name up with one switch and never casts or reflects at run time.
enum TemplateValue: Sendable {
    /// No such field, or a field without a value: shows nothing and is false in a section.
    case missing
    case text(String)
    case flag(Bool)
    case number(Int)
    case object(any TemplateObject)
    case list([TemplateValue])

    init(_ text: String) { self = .text(text) }
    init(_ text: String?) { self = text.map(TemplateValue.text) ?? .missing }
    init(_ flag: Bool) { self = .flag(flag) }
    init(_ number: Int) { self = .number(number) }
    init(_ object: some TemplateObject) { self = .object(object) }
    init(_ object: (some TemplateObject)?) { self = object.map { .object($0) } ?? .missing }
    init(_ objects: [some TemplateObject]) { self = .list(objects.map { .object($0) }) }

    /// Whether a section over this value renders (`{{#name}}`); its inverse renders `{{^name}}`.
    var isTruthy: Bool {
        switch self {
        case .missing: false
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .number, .object: true
        }
    }
}

/// A view model a template can read fields of: `{{title}}`, `{{#events}}`, `{{site.root}}`.
protocol TemplateObject: Sendable {
    /// The field called `key`, or `.missing`.
    func value(named key: String) -> TemplateValue
}
