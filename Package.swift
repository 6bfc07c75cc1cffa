// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "meteo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meteo", targets: ["WeatherTUI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // C, not a systemLibrary: it dlopens libcurl on first use (see Sources/CCurl/include/CCurl.h).
        .target(name: "CCurl"),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(name: "CNCurses"),
        .target(
            name: "RecordStore",
            dependencies: ["WeatherCore", "CSQLite"]
        ),
        .target(
            name: "WeatherCore",
            dependencies: ["CCurl"]
        ),
        .target(
            name: "WeatherApp",
            dependencies: ["WeatherCore"]
        ),
        .executableTarget(
            name: "WeatherTUI",
            dependencies: [
                "WeatherCore",
                "RecordStore",
                "WeatherApp",
                "CNCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "WeatherTestSupport",
            dependencies: ["WeatherCore", "CTestSupport"]
        ),
        .target(name: "CTestSupport"),
        .executableTarget(
            name: "meteo-fixture-server",
            dependencies: ["WeatherTestSupport"]
        ),
        .executableTarget(
            name: "meteo-store-writer",
            dependencies: ["RecordStore", "WeatherCore"]
        ),
        .executableTarget(
            name: "meteo-bench",
            dependencies: ["RecordStore", "WeatherCore", "CSQLite"]
        ),
        .testTarget(
            name: "WeatherCoreTests",
            dependencies: ["WeatherCore", "WeatherTestSupport"]
        ),
        .testTarget(
            name: "WeatherAppTests",
            dependencies: ["WeatherApp", "WeatherCore"],
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "RecordStoreTests",
            dependencies: ["RecordStore", "WeatherCore", "WeatherTestSupport"]
        ),
        .testTarget(
            name: "WeatherTUITests",
            dependencies: [
                "WeatherTUI", "WeatherCore", "RecordStore", "WeatherTestSupport", "meteo-fixture-server",
                "meteo-store-writer",
            ]
        ),
    ]
)

// Every target: Swift 6 language mode plus these upcoming features.
for target in package.targets where target.type != .system && !["CCurl", "CTestSupport"].contains(target.name) {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0335-existential-any.md
            .enableUpcomingFeature("ExistentialAny"),
            // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
            .enableUpcomingFeature("MemberImportVisibility"),
            // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0409-access-level-on-imports.md
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
