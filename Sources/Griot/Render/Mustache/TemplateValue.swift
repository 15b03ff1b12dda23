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
    /// A list whose items are made one at a time as the template reaches them, and dropped once
    /// rendered: a long list (the timeline's years) is never held whole.
    case lazyList(count: Int, item: @Sendable (Int) -> TemplateValue)

    init(_ text: String) { self = .text(text) }
    init(_ text: String?) { self = text.map(TemplateValue.text) ?? .missing }
    init(_ flag: Bool) { self = .flag(flag) }
    init(_ number: Int) { self = .number(number) }
    init(_ object: some TemplateObject) { self = .object(object) }
    init(_ object: (some TemplateObject)?) { self = object.map { .object($0) } ?? .missing }
    init(_ objects: [some TemplateObject]) { self = .list(objects.map { .object($0) }) }
    init<Item: TemplateObject>(_ views: LazyViews<Item>) {
        self = .lazyList(count: views.count) { .object(views.make($0)) }
    }

    /// Whether a section over this value renders (`{{#name}}`); its inverse renders `{{^name}}`.
    var isTruthy: Bool {
        switch self {
        case .missing: false
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        case .lazyList(let count, _): count > 0
        case .text, .number, .object: true
        }
    }
}

/// A view model a template can read fields of: `{{title}}`, `{{#events}}`, `{{site.root}}`.
protocol TemplateObject: Sendable {
    /// The field called `key`, or `.missing`.
    func value(named key: String) -> TemplateValue
}

/// View models made one at a time, by position, as a template reaches them.
struct LazyViews<Item: TemplateObject>: Sendable {
    let count: Int
    let make: @Sendable (Int) -> Item
}
