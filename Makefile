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
	libdbus-1-dev dbus-daemon gnome-keyring

APP_BIN := $(CARGO_TARGET_DIR)/debug/sla-studio

.PHONY: run test setup setup-apt setup-node setup-tools ui app test-rust test-keychain test-ui test-e2e test-deb deb \
	bench lint

run: setup ui
	cargo run --features custom-protocol

test: setup ui lint test-rust test-keychain test-ui app test-e2e test-deb

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

ui:
	npm --prefix ui run build

# The app with its UI embedded, as the installer ships it, but unoptimised for a quicker build.
app: ui
	cargo build --features custom-protocol

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --features custom-protocol -- -D warnings

test-rust: ui
	cargo test --workspace --features custom-protocol

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

bench:
	cargo bench -p sla-store
	cargo bench -p sla-pdf
