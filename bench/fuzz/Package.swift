// swift-tools-version: 6.1
// A libFuzzer target over Griot's page loading (front matter and Markdown). It lives in its own
// package because it only links with `-sanitize=fuzzer`; run it with bench/fuzz.sh.
import PackageDescription

let package = Package(
    name: "GriotFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Griot", path: "../..")],
    targets: [
        .executableTarget(name: "GriotFuzz", dependencies: [.product(name: "Griot", package: "Griot")])
    ]
)
