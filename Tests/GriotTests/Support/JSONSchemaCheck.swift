import Foundation

/// Checks a JSON value against a JSON Schema, for the keywords the exports' schemas use: `type`,
/// `required`, `properties`, `additionalProperties: false`, `items`, `enum` and `pattern`.
/// Returns every violation with its JSON path; empty when the value conforms.
enum JSONSchemaCheck {
    static func violations(of value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        var found: [String] = []
        if let type = schema["type"] as? String, !matches(value, type: type) {
            return ["\(path): expected \(type), found \(value)"]
        }
        if let options = schema["enum"] as? [String], !options.contains((value as? String) ?? "\u{0}") {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                found.append("\(path): '\(key)' is required")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, member) in object {
                if let property = properties[key] as? [String: Any] {
                    found += violations(of: member, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): '\(key)' is not allowed")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                found += violations(of: item, against: items, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        default: true
        }
    }
}
