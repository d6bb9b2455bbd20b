# SLA Studio: `make run` starts the app, `make test` runs every test. Both first install whatever
# this machine is missing (Debian/Ubuntu packages, npm packages, cargo-installed tools).

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(CURDIR)/target
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VENV := $(CARGO_TARGET_DIR)/python
export PATH := $(VENV)/bin:$(HOME)/.cargo/bin:$(PATH)

# What building, running and testing need from the distribution.
APT_PACKAGES := build-essential pkg-config file curl libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
	librsvg2-dev libayatana-appindicator3-dev xvfb xauth webkit2gtk-driver poppler-utils qpdf \
	imagemagick x11-utils xdotool openssl fonts-dejavu-core python3-venv util-linux procps \
	libdbus-1-dev dbus-daemon gnome-keyring faketime python3-icalendar python3-dateutil \
	gcc-mingw-w64-x86-64 wine wine64 nsis

APP_BIN := $(CARGO_TARGET_DIR)/debug/sla-studio

# Windows, cross-built here with mingw; its tests run under Wine (tests/windows/).
WIN_TARGET := x86_64-pc-windows-gnu
WIN_RELEASE := $(CARGO_TARGET_DIR)/$(WIN_TARGET)/release
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER := $(CURDIR)/tests/windows/wine-run.sh

.PHONY: run test setup setup-apt setup-node setup-tools ui app test-rust test-keychain test-ui test-e2e test-deb deb \
	bench lint fuzz test-fuzz test-clock windows windows-exe test-windows test-windows-core test-windows-installer

run: setup ui
	cargo run --features custom-protocol

test: setup ui lint test-rust test-clock test-fuzz test-keychain test-ui app test-e2e test-deb test-windows

setup: setup-apt setup-node setup-tools

setup-apt:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs, then run make again"; exit 1; }
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	@# Vite needs Node.js 20.19 or later; Debian 12 ships 18, so take a current one from the npm registry.
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' \
		|| $(SUDO) npm install -g --no-audit --no-fund node@22

setup-node:
	npm --prefix ui ci --no-audit --no-fund
	@if [ -f tests/e2e/package.json ]; then npm --prefix tests/e2e ci --no-audit --no-fund; fi

setup-tools:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
	@[ -x $(VENV)/bin/pyhanko ] || { python3 -m venv $(VENV) && $(VENV)/bin/pip install -q pyhanko pyhanko-cli; }
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@rustup target list --installed | grep -qx $(WIN_TARGET) || rustup target add $(WIN_TARGET)

ui:
	npm --prefix ui run build

# The app with its UI embedded, as the installer ships it, but unoptimised for a quicker build.
app: ui
	cargo build --features custom-protocol

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --features custom-protocol -- -D warnings
	@# The Windows build's own code (cfg(windows)) too.
	cargo clippy --workspace --all-targets --target $(WIN_TARGET) --features custom-protocol -- -D warnings

test-rust: ui
	cargo test --workspace --features custom-protocol

# The same Rust tests on other days and in other time zones (libfaketime): none may hold only
# on the day it was written.
test-clock: ui
	tests/clock/run.sh

# Passphrases in a real system keychain: a throwaway GNOME Keyring on a private D-Bus session.
test-keychain:
	tests/keychain/run.sh

test-ui:
	npm --prefix ui test

test-e2e: app
	SLA_STUDIO_BIN=$(APP_BIN) tests/e2e/run.sh

# Builds the release .deb, installs it, starts it under Xvfb, removes it.
test-deb: ui
	tests/deb/run.sh

deb: setup ui
	TAURI_CLI_CONFIG_DEPTH=1 ui/node_modules/.bin/tauri build --bundles deb,rpm

# The Windows program and its NSIS installer (built with Debian's makensis, not Tauri's bundler,
# which downloads its plugins): target/x86_64-pc-windows-gnu/release/bundle/nsis/.
windows: setup ui windows-exe
	src-tauri/bundle/windows/build-installer.sh

windows-exe: ui
	cargo build --release --target $(WIN_TARGET) --features custom-protocol

# Every Rust test that needs no window, as a Windows program under Wine (the keychain tests against
# Wine's Credential Manager, required to answer), then the installer: installed silently, used from
# its folder, uninstalled. Release, so that the tests and the installer share one build.
test-windows: test-windows-core test-windows-installer

test-windows-core: ui
	SLA_STUDIO_REQUIRE_KEYCHAIN=1 cargo test --release --workspace --target $(WIN_TARGET) --features custom-protocol

test-windows-installer: windows-exe
	tests/windows/installer.sh

# The fuzz targets (fuzz/, its own workspace, built by nightly with AddressSanitizer) run one
# after another on the committed seeds (fuzz/corpus/TARGET) plus what earlier runs found
# ($(FUZZ_TARGET_DIR)/corpus/TARGET); a crash, a hang (an input taking over 10 s) or a run over
# the memory limit fails and leaves the input in fuzz/artifacts/TARGET/. Niced: fuzzing takes a
# whole core.
FUZZ_TARGETS := agreement_json pdf_import pdf_verify pdf_sign p12_identity pem_certificates crm_export
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 20
FUZZ_TARGET_DIR ?= $(CARGO_TARGET_DIR)/fuzz
fuzz_run = cd fuzz && for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_TARGET_DIR)/corpus/$$t && \
		nice -n 10 cargo +nightly fuzz run --target-dir $(FUZZ_TARGET_DIR) $$t \
			$(FUZZ_TARGET_DIR)/corpus/$$t corpus/$$t -- \
			-max_total_time=$(1) -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 || exit 1; \
	done

# Each target for FUZZ_SECONDS (default 5 minutes each).
fuzz: setup-tools
	$(call fuzz_run,$(FUZZ_SECONDS))

# Each target briefly, as part of make test.
test-fuzz: setup-tools
	$(call fuzz_run,$(FUZZ_TEST_SECONDS))

# The review pipeline's baseline is Python + pandas: Debian's, installed here rather than for
# every test run.
bench: setup
	@dpkg-query -W -f='$${Status}\n' python3-pandas 2>/dev/null | grep -q 'install ok installed' || \
		{ $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-pandas; }
	cargo bench -p sla-store
	cargo bench -p sla-pdf
	cargo bench -p sla-compliance --bench pipeline
	cargo bench -p sla-review-report --bench report
	cargo bench -p sla-compare
