//! How the window's web view is set up to hold less memory: a form-filling wizard needs neither
//! GPU compositing nor its scripts compiled to machine code. ARCHITECTURE.md gives the figures.
//! Shared, file for file, with the empty window the performance harness measures against
//! (`tests/e2e/empty-app`), so that the baseline is built the same way.

/// What WebKit reads from the environment. Call before any other thread starts: the environment
/// is only safe to change while the process has one thread.
pub fn set_environment() {
    #[cfg(target_os = "linux")]
    linux::set_environment();
}

/// Has every web view created from now on take its settings before it loads its first page. Call
/// after the Tauri app is built (GTK is initialised then) and before it runs (the windows are
/// created then).
pub fn tune_new_views() {
    #[cfg(target_os = "linux")]
    linux::tune_new_views();
}

#[cfg(target_os = "linux")]
mod linux {
    use std::sync::Once;

    use webkit2gtk::glib::{self, gobject_ffi, prelude::*, translate::*};
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebView, WebViewExt};

    pub fn set_environment() {
        // JavaScriptCore's just-in-time compilers cost the page's process megabytes of code and
        // data, and the wizard's scripts are too short for them to pay off: steps and languages
        // switch as fast in the interpreter. The web process inherits our environment, the only
        // way to reach its JavaScriptCore. A value the user set wins.
        if std::env::var_os("JSC_useJIT").is_none() {
            std::env::set_var("JSC_useJIT", "false");
        }
    }

    /// GPU compositing (on by default; software OpenGL where there is no GPU) costs tens of
    /// megabytes per window, most of it in the web process, and a page of form fields gains
    /// nothing from it.
    fn tune(view: &WebView) {
        if let Some(settings) = WebViewExt::settings(view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    }

    /// WebKit reads a view's settings when it creates the view's page, at the first load, and wry
    /// starts that load in the same call that creates the view: `WebviewWindow::with_webview` comes
    /// too late (the page starts composited, and switching later keeps part of the cost). wry adds
    /// the view to its window just before the load, and GTK announces that for every widget
    /// (`parent-set`): this hook tunes each web view there.
    pub fn tune_new_views() {
        static INSTALLED: Once = Once::new();
        INSTALLED.call_once(|| unsafe {
            let view_type = WebView::static_type().into_glib();
            // A class's signals exist once the class is initialised.
            let class = gobject_ffi::g_type_class_ref(view_type);
            let signal = gobject_ffi::g_signal_lookup(c"parent-set".as_ptr(), view_type);
            if signal != 0 {
                gobject_ffi::g_signal_add_emission_hook(
                    signal,
                    0,
                    Some(on_parent_set),
                    std::ptr::null_mut(),
                    None,
                );
            }
            gobject_ffi::g_type_class_unref(class);
        });
    }

    unsafe extern "C" fn on_parent_set(
        _hint: *mut gobject_ffi::GSignalInvocationHint,
        n_values: u32,
        values: *const gobject_ffi::GValue,
        _data: glib::ffi::gpointer,
    ) -> glib::ffi::gboolean {
        // The first value is the widget that got (or lost) its parent.
        if n_values > 0 {
            let widget: glib::Object = from_glib_none(gobject_ffi::g_value_get_object(values));
            if let Some(view) = widget.downcast_ref::<WebView>() {
                tune(view);
            }
        }
        // Stay installed for the next view.
        glib::ffi::GTRUE
    }
}
