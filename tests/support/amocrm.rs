//! January 2027's leads as amoCRM exports them, shared by the review tests of the CLI and of
//! the window's side, so both compute the figures worked out below.

pub const HEADER: &str = "ID;Название сделки;Бюджет;Ответственный;Дата создания сделки;Этап сделки;\
                      Воронка;Теги;Источник;Дата первого контакта;Причина отказа;Количество попыток";

/// January 2027, as amoCRM exports it (`;`, Russian headers, `DD.MM.YYYY HH:MM:SS` in Moscow time).
/// 11 January is a Monday, 16 January a Saturday.
///
/// | lead | rep   | created          | stage        | first contact   | business hours to it |
/// |------|-------|------------------|--------------|-----------------|----------------------|
/// | 101  | Ivan  | Mon 11.01 10:00  | accepted     | Mon 11.01 10:30 | 0.5                  |
/// | 102  | Ivan  | Mon 11.01 17:30  | rejected+why | Tue 12.01 09:45 | 0.5 + 0.75 = 1.25    |
/// | 103  | Olga  | Sat 16.01 12:00  | MQL          | Mon 18.01 11:00 | from Mon 09:00: 2    |
/// | 104  | Olga  | Wed 20.01 09:00  | accepted     | Wed 20.01 09:20 | 1/3                  |
/// | 105  | Olga  | Thu 21.01 09:00  | accepted     | (none)          | never contacted      |
///
/// Delivered 5 leads, by 2 reps: 2.5 per rep (target 100: missed, 2.5 % of it).
/// Accepted 3 of 5 = 60 % (target 70 %: missed). First contact: 4 times, sorted 1/3, 0.5, 1.25,
/// 2; median (0.5 + 1.25) / 2 = 0.875 business hours (target ≤ 1: met); within 1 hour: 2 of 5
/// delivered (105 never contacted) = 40 %. Rejected with a reason: 1 of 1 = 100 % (met).
pub fn january() -> String {
    [
        HEADER,
        "101;Запрос демо;10000;Иван Смирнов;11.01.2027 10:00:00;Принят в работу;Продажи;;Сайт;11.01.2027 10:30:00;;2",
        "102;Запрос цены;5000;Иван Смирнов;11.01.2027 17:30:00;Некачественный лид;Продажи;;Сайт;12.01.2027 09:45:00;Нет бюджета;5",
        "103;Вебинар;0;Ольга Иванова;16.01.2027 12:00:00;Квалифицирован;Продажи;;Вебинар;18.01.2027 11:00:00;;1",
        "104;Звонок;0;Ольга Иванова;20.01.2027 09:00:00;Принят в работу;Продажи;;Звонок;20.01.2027 09:20:00;;1",
        "105;Звонок;0;Ольга Иванова;21.01.2027 09:00:00;Принят в работу;Продажи;;Звонок;;;",
    ]
    .join("\r\n")
        + "\r\n"
}

/// The same leads encoded as Russian Excel and many Russian CRMs write them.
pub fn windows_1251(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}
