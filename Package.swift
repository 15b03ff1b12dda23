// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Griot",
    products: [
        .executable(name: "griot", targets: ["GriotCLI"]),
        .library(name: "Griot", targets: ["Griot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CGriotSystem"),
        .target(
            name: "Griot",
            dependencies: [
                "CMark",
                "CGriotSystem",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "GriotServer",
            dependencies: [
                "Griot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(
            name: "GriotCLI",
            dependencies: [
                "Griot",
                "GriotServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "GriotTests",
            dependencies: ["Griot", "GriotCLI", "CMark"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GriotServerTests",
            dependencies: ["Griot", "GriotServer", "GriotCLI"]
        ),
    ]
)
