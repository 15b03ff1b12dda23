// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Griot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "griot", targets: ["GriotCLI"]),
        .library(name: "Griot", targets: ["Griot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "Griot",
            dependencies: [
                "CMark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "GriotCLI",
            dependencies: [
                "Griot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GriotTests",
            dependencies: ["Griot", "GriotCLI"],
            exclude: ["Fixtures"]
        ),
    ]
)
