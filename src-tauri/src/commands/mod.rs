//! Tauri commands, grouped as the wizard uses them. Each is a few lines: lock the state, call the
//! core, return its result or its error.

mod app_info;
mod comments;
mod drafts;
mod export;
mod guidance;
mod proposals;
mod recovery;
mod reviews;
mod signing;

use tauri::ipc::Invoke;

/// Every command the UI may call.
pub fn handler() -> impl Fn(Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app_info::app_info,
        app_info::take_file_to_open,
        recovery::recovery_status,
        recovery::recovery_apply,
        recovery::keep_open_agreement,
        drafts::list_templates,
        drafts::list_drafts,
        drafts::list_trash,
        drafts::count_trash,
        drafts::create_draft,
        drafts::import_draft,
        proposals::export_proposal,
        proposals::examine_file,
        proposals::import_file,
        proposals::accept_proposal,
        proposals::compare_versions,
        proposals::draft_badges,
        comments::comment_key,
        comments::comment_anchors,
        drafts::open_draft,
        drafts::save_draft,
        drafts::duplicate_draft,
        drafts::rename_draft,
        drafts::trash_draft,
        drafts::restore_draft,
        drafts::empty_trash,
        drafts::draft_history,
        drafts::restore_version,
        drafts::get_setting,
        drafts::set_setting,
        guidance::check_agreement,
        guidance::metric_library,
        guidance::time_zones,
        guidance::funnel_compute,
        guidance::funnel_apply,
        export::export_pdf,
        export::open_pdf,
        signing::identities_list,
        signing::identity_create,
        signing::identity_import,
        signing::identity_delete,
        signing::identity_forget_passphrase,
        signing::keychain_status,
        signing::identity_export_certificate,
        signing::trusted_list,
        signing::trust_certificate,
        signing::untrust_certificate,
        signing::inspect_pdf,
        signing::sign_pdf,
        signing::signed_version,
        reviews::review_inspect,
        reviews::review_stage_values,
        reviews::review_preview,
        reviews::review_import,
        reviews::review_overview,
        reviews::review_enter_figure,
        reviews::review_mark_done,
        reviews::review_report,
        reviews::review_calendar,
        reviews::review_statuses,
        reviews::review_period,
    ]
}
