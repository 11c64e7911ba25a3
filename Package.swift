// swift-tools-version: 6.1
import PackageDescription

/// The card path's async functions run on their caller's executor (SE-0461, the Swift 7 default): a card
/// operation on its connection's thread stays there, instead of asking at every call whether to switch.
let cardPathSettings: [SwiftSetting] = [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]

let package = Package(
    name: "sskiosk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sskiosk", targets: ["SSKioskCLI"]),
        .library(name: "SmartCard", targets: ["SmartCard"]),
        .library(name: "CardSimulator", targets: ["CardSimulator"]),
        .library(name: "CardCrypto", targets: ["CardCrypto"]),
        .library(name: "SocialSecurityCard", targets: ["SocialSecurityCard"]),
        .library(name: "Printing", targets: ["Printing"]),
        .library(name: "Documents", targets: ["Documents"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C libraries, one thin system-library target each.
        .systemLibrary(
            name: "CPCSCLite",
            pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // libcups2-dev ships no .pc file (`cups-config --libs` says -lcups): the module map links it by name.
        .systemLibrary(name: "CCups", providers: [.apt(["libcups2-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libjpeg-turbo's TurboJPEG API: errors come back as return codes, never as a longjmp.
        .systemLibrary(
            name: "CTurboJPEG",
            pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]
        ),

        // The domain's shared words: insurance schemes with their national codes, months, sex, ethnicity,
        // region codes, masked ID numbers. Depends on nothing; every layer above speaks it.
        .target(name: "Vocabulary"),
        // The one shape of every module's error: a public code to match on, a message for a person.
        .target(name: "CodedErrors"),
        // How a server tells systemd it is ready, alive and stopping (Type=notify, WatchdogSec=), and keeps what
        // its last start came to for diagnostics.
        .target(name: "Supervision", dependencies: ["CSystemd", .product(name: "NIOCore", package: "swift-nio")]),
        // Bytes as hex or base64url and back: APDU traces, digests, file names, tokens.
        .target(name: "HexCoding"),
        // Figures as the county offices exchange them: an .xlsx workbook, zipped through ZIPFoundation.
        .target(name: "Spreadsheets", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Secrets at rest and in memory: key, token and password files read only when private to their owner,
        // and the bytes of a PIN or a key zeroed where they lie once used.
        .target(name: "Secrets", dependencies: ["CodedErrors"]),
        // A role's settings (the terminal's, the centre's) from flags over SSKIOSK_ environment variables over its
        // JSON file over built-in defaults, on swift-configuration; secrets only as paths of files. Knows no role's keys.
        .target(
            name: "RoleSettings",
            dependencies: [
                "CodedErrors", "Secrets", .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),

        // The sync link's bodies in gzip (compress-nio): which coding a peer asked for, and inflation capped so that
        // a corrupt or hostile stream ends in a coded error, never in memory exhausted. Knows no route or record.
        .target(
            name: "BodyCompression",
            dependencies: [
                "CodedErrors", .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // PC/SC: contexts, readers, monitor, card sessions, APDUs, ATRs. No social-security knowledge.
        .target(
            name: "SmartCard",
            dependencies: [
                "CodedErrors",
                "HexCoding",
                "Secrets",
                "CPCSCLite",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: cardPathSettings
        ),
        // The card's cryptography (3DES, SM4, MACs, session keys, diversification) over libcrypto.
        .target(name: "CardCrypto", dependencies: ["CodedErrors", "CCrypto"]),
        // The social security card: profile, codecs, reading, PIN, keys, secure messaging, personalisation.
        .target(
            name: "SocialSecurityCard",
            dependencies: [
                "Vocabulary", "CodedErrors", "HexCoding", "Secrets", "SmartCard", "CardCrypto",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: cardPathSettings
        ),
        // The terminal's domain: services, rules, validation, roles, ledger, sessions. No I/O.
        .target(
            name: "KioskCore",
            dependencies: [
                "Vocabulary", "CodedErrors", "HexCoding", "SocialSecurityCard", "CCrypto",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The terminal's link to its centre over HTTPS with mutual TLS: KioskCore's CentreLink on AsyncHTTPClient,
        // and its enrolment, which makes the keys and asks the centre's CA for a certificate (swift-certificates).
        .target(
            name: "CentreClient",
            dependencies: [
                "BodyCompression",
                "CodedErrors",
                "HexCoding",
                "KioskCore",
                "Secrets",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The terminal service: HTTP API and event stream on localhost, staff and resident sessions.
        .target(
            name: "KioskServer",
            dependencies: [
                "Vocabulary",
                "HexCoding",
                "Secrets",
                "KioskCore",
                "Diagnostics",
                "SocialSecurityCard",
                "SmartCard",
                "Printing",
                "Documents",
                "CardPhotos",
                "Supervision",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["openapi.yaml"]
        ),
        // A server's metrics at /metrics in Prometheus' text format: swift-metrics bootstrapped into a Prometheus
        // registry, requests counted and timed by their route's template. Knows neither server.
        .target(
            name: "ServerMetrics",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The kiosk's and the desk's pages and the county centre's console: Mustache templates, vanilla JavaScript
        // and CSS, spoken prompts.
        // Knows nothing of the API's types: the pages talk to it over HTTP like any client.
        .target(
            name: "KioskWeb",
            dependencies: [
                "CodedErrors",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // The terminal's local store: KioskCore's KioskStore protocol on SQLite (GRDB, Debian's libsqlite3),
        // and the ledger key's file beside it.
        .target(
            name: "KioskSQLite",
            dependencies: ["Vocabulary", "HexCoding", "KioskCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The county/city centre: its store (SQLite or PostgreSQL), the sync rules, the sync service over mutual TLS,
        // the small CA that enrols its terminals (swift-certificates), and the console's API for the county's staff
        // (its pages come from KioskWeb, mounted by the command line).
        .target(
            name: "Centre",
            dependencies: [
                "BodyCompression",
                "Vocabulary",
                "CodedErrors",
                "HexCoding",
                "Secrets",
                "KioskCore",
                "Documents",
                "SocialSecurityCard",
                "Supervision",
                "Spreadsheets",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["openapi-centre.yaml"]
        ),
        // Certificates, statements, receipts, card faces and ledgers as PDF, with signed QR verification.
        .target(
            name: "Documents",
            dependencies: [
                "Vocabulary",
                "CodedErrors",
                "HexCoding",
                "CCairo",
                "CPango",
                "CQRencode",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // A resident's photo for their card: a JPEG decoded and checked against the card photo standard
        // (pixel size, plain background, head position) before it is kept, printed and sent for production.
        .target(
            name: "CardPhotos",
            dependencies: ["CodedErrors", "CTurboJPEG", .product(name: "Subprocess", package: "swift-subprocess")]),
        // Technicians' checks: pass/warn/fail with a cause and a fix each, run concurrently under a time limit.
        // Knows no store's tables: it judges the CacheHealth its caller's store reads.
        .target(
            name: "Diagnostics",
            dependencies: [
                "Vocabulary",
                "CodedErrors",
                "HexCoding",
                "KioskCore",
                "Supervision",
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                "Printing",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Virtual cards behind vpcd's reader slots.
        .target(
            name: "CardSimulator",
            dependencies: [
                "CodedErrors",
                "HexCoding",
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Printing over libcups: queues and IPP printers, their state and capabilities, idempotent jobs.
        .target(
            name: "Printing",
            dependencies: [
                "CodedErrors",
                "CCups",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "SSKioskCLI",
            dependencies: [
                "Vocabulary",
                "HexCoding",
                "Secrets",
                "KioskCore",
                "KioskSQLite",
                "KioskServer",
                "KioskWeb",
                "CentreClient",
                "Centre",
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                "CardSimulator",
                "Printing",
                "Documents",
                "Diagnostics",
                "RoleSettings",
                "ServerMetrics",
                "Supervision",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The child the crash-safety test SIGKILLs: writes applications in a loop, printing each acknowledged id.
        .executableTarget(
            name: "KioskSQLiteCrashWriter",
            dependencies: ["KioskCore", "KioskSQLite"],
            path: "Tests/KioskSQLiteCrashWriter"
        ),

        // Synthetic cards and test keys for the card tests, in process and on the rig (`package` access).
        .target(
            name: "CardTestSupport",
            dependencies: [
                "HexCoding", "SocialSecurityCard", "CardSimulator", "CardCrypto", "SmartCard", "TestSupport",
            ],
            path: "Tests/CardTestSupport"
        ),
        // The one way tests run a child process (to its end, or in the background until stopped), find a free port,
        // locate the built executables and read PDFs with poppler, on swift-subprocess. Knows none of the modules.
        .target(
            name: "TestSupport",
            dependencies: [
                "CodedErrors", "CTurboJPEG", .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Tests/TestSupport"
        ),

        .testTarget(name: "CardPhotosTests", dependencies: ["CardPhotos", "TestSupport"]),
        .testTarget(name: "SmartCardTests", dependencies: ["HexCoding", "SmartCard", "CardSimulator", "TestSupport"]),
        .testTarget(name: "CardCryptoTests", dependencies: ["HexCoding", "CardCrypto"]),
        .testTarget(name: "SecretsTests", dependencies: ["Secrets"]),
        // The precedence of a role's settings in process; `sskiosk config check` on good and bad files as a process.
        .testTarget(name: "RoleSettingsTests", dependencies: ["RoleSettings", "TestSupport"]),
        .testTarget(
            name: "SocialSecurityCardTests",
            dependencies: [
                "Vocabulary", "HexCoding", "SocialSecurityCard", "CardSimulator", "CardCrypto", "SmartCard",
                "CardTestSupport", "TestSupport",
            ]
        ),
        .testTarget(name: "KioskCoreTests", dependencies: ["Vocabulary", "KioskCore", "SocialSecurityCard"]),
        // The sync engine against an in-process centre, over a real store; the link's reading of a snapshot.
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "Vocabulary", "KioskCore", "KioskSQLite", "SocialSecurityCard", "CentreClient", "BodyCompression",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PrintingTests", dependencies: ["Printing"]),
        .testTarget(
            name: "KioskServerTests",
            dependencies: [
                "Vocabulary", "KioskServer", "KioskCore", "KioskSQLite", "SocialSecurityCard", "SmartCard",
                "CardSimulator",
                "CardTestSupport", "Printing", "Documents", "Diagnostics", "Centre", "Supervision", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "RigTests",
            dependencies: [
                "Vocabulary", "SmartCard", "CardSimulator", "SocialSecurityCard", "CardCrypto", "CardTestSupport",
                "Printing",
                "Diagnostics", "KioskServer", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "KioskWebTests",
            dependencies: ["KioskWeb", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "KioskSQLiteTests",
            dependencies: [
                "Vocabulary", "KioskSQLite", "KioskCore", "SocialSecurityCard", "KioskSQLiteCrashWriter", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "CentreTests",
            dependencies: [
                "Vocabulary", "Centre", "KioskCore", "KioskSQLite", "SocialSecurityCard", "Documents", "TestSupport",
                "BodyCompression", "HexCoding", "Spreadsheets",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Vocabulary", "Documents", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "DiagnosticsTests",
            dependencies: [
                "Vocabulary", "Diagnostics", "SmartCard", "KioskSQLite", "KioskCore", "SocialSecurityCard", "Printing",
                "Supervision", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The benchmarks' executables (Benchmarks/*/Swift), in the graph only when SSKIOSK_BENCHMARKS is set, so that no
// everyday build or test compiles them. Benchmarks/*/run set it and build in their own folder, .build-bench, so
// that switching between the two graphs never makes .build start over. They depend on targets that are not
// products, so they cannot live in a package of their own (as Hummingbird's benchmarks do).
if Context.environment["SSKIOSK_BENCHMARKS"] != nil {
    package.targets += [
        // ECHO round trips through pcscd with the SmartCard API, blocking and async, against a C loop and pyscard.
        .executableTarget(
            name: "APDURoundTripBenchmark",
            dependencies: ["HexCoding", "SmartCard"],
            path: "Benchmarks/APDURoundTrip/Swift"
        ),
        // A synthetic township's first load into the terminal's store, and the same rows as SQL for the sqlite3 floor.
        .executableTarget(
            name: "TownshipLoadBenchmark",
            dependencies: ["Vocabulary", "KioskCore", "KioskSQLite"],
            path: "Benchmarks/TownshipLoad/Swift"
        ),
        // Queues applications in a terminal's outbox as a desk makes them, for the sync benchmark's drain.
        .executableTarget(
            name: "SyncBenchmark",
            dependencies: ["KioskCore", "KioskSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/Sync/Swift"
        ),
        // Card inserted to typed cardholder, and personalisation per card, through pcscd and in process.
        .executableTarget(
            name: "CardReadBenchmark",
            dependencies: [
                "HexCoding",
                "SmartCard",
                "SocialSecurityCard",
                "CardSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/CardRead/Swift"
        ),
        // Render time of a certificate and a 10-page statement, the reportlab peer's data, submit-to-spool time.
        .executableTarget(
            name: "DocumentRenderBenchmark",
            dependencies: ["Vocabulary", "Documents", "Printing", .product(name: "Crypto", package: "swift-crypto")],
            path: "Benchmarks/DocumentRender/Swift"
        ),
    ]
}
