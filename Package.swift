// swift-tools-version:6.1
import PackageDescription

// Linux only (Glibc, libcurl.so.4 loaded at run time, ncursesw): SwiftPM has no platform line for Linux, and a
// macOS one would claim a build nobody runs.
let package = Package(
    name: "meteo",
    products: [
        .executable(name: "meteo", targets: ["WeatherTUI"]),
        .executable(name: "meteo-records", targets: ["MeteoRecords"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
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
            dependencies: ["WeatherCore", "RecordAPI", "RecordRules", "CSQLite", "TextFormats"]
        ),
        .target(
            name: "RecordSync",
            dependencies: ["RecordStore", "RecordAPI", "RecordRules", "WeatherCore"]
        ),
        .target(
            name: "WeatherCore",
            dependencies: ["CCurl", "TextFormats"]
        ),
        .target(
            name: "RecordAPI",
            dependencies: ["RecordRules", "TextFormats"]
        ),
        // What a kept record may hold: one set of rules for every way in (TextFormats and the standard library).
        .target(
            name: "RecordRules",
            dependencies: ["TextFormats"]
        ),
        // The standard library only: text formats that every other part reads and writes.
        .target(name: "TextFormats"),
        .target(
            name: "CommandLineKit",
            dependencies: ["TextFormats"]
        ),
        .target(
            name: "RecordService",
            dependencies: [
                "RecordAPI",
                "WeatherCore",
                "RecordRules",
                "TextFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "MeteoRecords",
            dependencies: [
                "RecordService",
                "CommandLineKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "WeatherApp",
            dependencies: ["WeatherCore", "TextFormats"]
        ),
        .executableTarget(
            name: "WeatherTUI",
            dependencies: [
                "WeatherCore",
                "RecordAPI",
                "RecordStore",
                "RecordSync",
                "WeatherApp",
                "CNCurses",
                "CommandLineKit",
                "TextFormats",
            ]
        ),
        .target(
            name: "WeatherTestSupport",
            dependencies: ["WeatherCore", "RecordAPI", "RecordSync", "CTestSupport"]
        ),
        .target(name: "CTestSupport"),
        .executableTarget(
            name: "meteo-fixture-server",
            dependencies: ["WeatherTestSupport"]
        ),
        // Every parser of outside bytes as a libFuzzer target (make fuzz), or a replay of saved inputs.
        .executableTarget(
            name: "meteo-fuzz",
            dependencies: ["TextFormats", "RecordAPI", "RecordStore", "RecordSync", "WeatherCore", "CommandLineKit"]
        ),
        .executableTarget(
            name: "meteo-store-writer",
            dependencies: ["RecordStore", "WeatherCore"]
        ),
        .executableTarget(
            name: "meteo-bench",
            dependencies: ["RecordStore", "RecordSync", "RecordAPI", "WeatherCore", "CSQLite"]
        ),
        .testTarget(
            name: "WeatherCoreTests",
            dependencies: ["WeatherCore", "WeatherTestSupport"]
        ),
        .testTarget(
            name: "TextFormatsTests",
            dependencies: ["TextFormats", "WeatherTestSupport"]
        ),
        .testTarget(
            name: "RecordRulesTests",
            dependencies: ["RecordRules", "TextFormats", "RecordAPI", "RecordStore", "RecordSync", "WeatherCore"]
        ),
        .testTarget(
            name: "CommandLineKitTests",
            dependencies: ["CommandLineKit"]
        ),
        .testTarget(
            name: "WeatherAppTests",
            dependencies: ["WeatherApp", "WeatherCore", "TextFormats", "WeatherTestSupport"],
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "RecordServiceTests",
            dependencies: [
                "RecordService", "RecordAPI", "WeatherCore", "WeatherTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "RecordStoreTests",
            dependencies: ["RecordStore", "RecordSync", "RecordAPI", "WeatherCore", "WeatherTestSupport"]
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "RecordStore", "RecordSync", "RecordAPI", "WeatherCore", "WeatherTestSupport", "MeteoRecords",
                "WeatherTUI",
            ]
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
