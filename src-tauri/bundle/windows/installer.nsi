; The Windows installer: a per-user install (no administrator rights) of sla-studio.exe and
; WebView2Loader.dll, with shortcuts, file associations, an Add/Remove Programs entry and an
; uninstaller that keeps the person's drafts unless asked.
;
; Built by build-installer.sh beside this file, which passes every product fact as a define
; (from Cargo.toml and tauri.conf.json) so none is written twice:
;   PRODUCT_NAME IDENTIFIER VERSION VERSION_NUMERIC PUBLISHER COPYRIGHT DESCRIPTION
;   MAIN_BINARY EXE_DIR ICON OUTFILE
;   AGREEMENT_TYPE_NAME AGREEMENT_TYPE_DESCRIPTION AGREEMENT_MIME PDF_TYPE_NAME PDF_TYPE_DESCRIPTION
; Only the plugins and headers of a stock NSIS 3 are used.

!macro REQUIRE NAME
  !ifndef ${NAME}
    !error "${NAME} is not defined: build with build-installer.sh, which passes it as -D${NAME}=..."
  !endif
  !if "${${NAME}}" == ""
    !error "${NAME} is empty"
  !endif
!macroend
!insertmacro REQUIRE PRODUCT_NAME
!insertmacro REQUIRE IDENTIFIER
!insertmacro REQUIRE VERSION
!insertmacro REQUIRE VERSION_NUMERIC
!insertmacro REQUIRE PUBLISHER
!insertmacro REQUIRE COPYRIGHT
!insertmacro REQUIRE DESCRIPTION
!insertmacro REQUIRE MAIN_BINARY
!insertmacro REQUIRE EXE_DIR
!insertmacro REQUIRE ICON
!insertmacro REQUIRE OUTFILE
!insertmacro REQUIRE AGREEMENT_TYPE_NAME
!insertmacro REQUIRE AGREEMENT_TYPE_DESCRIPTION
!insertmacro REQUIRE AGREEMENT_MIME
!insertmacro REQUIRE PDF_TYPE_NAME
!insertmacro REQUIRE PDF_TYPE_DESCRIPTION

; The program is x86-64 only, so the installer is too: it then sees the 64-bit registry as is.
Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define EXE "${MAIN_BINARY}.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
!define CLASSES "Software\Classes"
!define AGREEMENT_PROGID "SLAStudio.Agreement"
!define PDF_PROGID "SLAStudio.Pdf"
!define AGREEMENT_EXT ".sla.json"
; The WebView2 Evergreen runtime's client id, under which it registers its version ("pv").
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_PAGE "https://developer.microsoft.com/microsoft-edge/webview2/"
!define INSTALL_LOG "install.log"
!define SHCNE_ASSOCCHANGED 0x08000000

Name "${PRODUCT_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_NUMERIC}"
VIFileVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${COPYRIGHT}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT_NAME} Setup"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"

Var WebView2Version
Var FinishText
Var DeleteData
Var DeleteDataCheckbox

;--------------------------------
; Pages

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
; wizard.bmp (164x314) is the icon on the brand gradient, made with ImageMagick:
;   convert -size 164x314 gradient:'#2f5bd3'-'#1b2f73' \( icons/icon.png -resize 120x120 \)
;     -gravity north -geometry +0+36 -composite -colors 256 BMP3:wizard.bmp
!define MUI_WELCOMEFINISHPAGE_BITMAP "${__FILEDIR__}/wizard.bmp"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${__FILEDIR__}/wizard.bmp"
; Asked before any language is chosen, so in both.
!define MUI_LANGDLL_WINDOWTITLE "Language / Язык"
!define MUI_LANGDLL_INFO "Please select a language.$\r$\nВыберите язык."
; The chosen language is remembered in the program's uninstall entry, for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Installer Language"

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$FinishText"
!define MUI_FINISHPAGE_TEXT_LARGE
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishPageShow
!insertmacro MUI_PAGE_FINISH

UninstPage custom un.DataPageCreate un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_RESERVEFILE_LANGDLL

;--------------------------------
; Words (every custom string in both languages)

LangString WebView2Missing ${LANG_ENGLISH} "${PRODUCT_NAME} shows its window with Microsoft Edge WebView2 Runtime, which this computer does not have.$\r$\n$\r$\nWindows 11 has it built in, and Windows 10 gets it with Microsoft Edge. It is free from Microsoft (the Evergreen Bootstrapper will do):$\r$\n${WEBVIEW2_PAGE}$\r$\n$\r$\nThe command line (${EXE} --help) works without it.$\r$\n$\r$\nYes: open that page and go on installing.$\r$\nNo: go on installing without it.$\r$\nCancel: stop here."
LangString WebView2Missing ${LANG_RUSSIAN} "${PRODUCT_NAME} показывает своё окно с помощью Microsoft Edge WebView2 Runtime, а на этом компьютере его нет.$\r$\n$\r$\nВ Windows 11 он встроен, а в Windows 10 приходит вместе с Microsoft Edge. Microsoft раздаёт его бесплатно (достаточно Evergreen Bootstrapper):$\r$\n${WEBVIEW2_PAGE}$\r$\n$\r$\nКомандная строка (${EXE} --help) работает и без него.$\r$\n$\r$\nДа: открыть эту страницу и продолжить установку.$\r$\nНет: продолжить установку без него.$\r$\nОтмена: прервать установку."
LangString WelcomeText ${LANG_ENGLISH} "This will install ${PRODUCT_NAME} ${VERSION} for you alone; no administrator rights are needed.$\r$\n$\r$\nWith it the heads of sales and marketing write their service-level agreement in a guided wizard, keep drafts on this computer, export a PDF and sign it.$\r$\n$\r$\nClick Next to continue."
LangString WelcomeText ${LANG_RUSSIAN} "Программа ${PRODUCT_NAME} ${VERSION} будет установлена только для вас; права администратора не нужны.$\r$\n$\r$\nС её помощью руководители продаж и маркетинга составляют соглашение об уровне обслуживания в пошаговом мастере, хранят черновики на этом компьютере, экспортируют PDF и подписывают его.$\r$\n$\r$\nНажмите «Далее», чтобы продолжить."
LangString FinishDone ${LANG_ENGLISH} "${PRODUCT_NAME} has been installed on your computer: start it from the Start menu or the desktop, or open an agreement (.sla.json) with it."
LangString FinishDone ${LANG_RUSSIAN} "Программа ${PRODUCT_NAME} установлена: запускайте её из меню «Пуск» или с рабочего стола либо откройте в ней соглашение (.sla.json)."
LangString FinishNoWebView2 ${LANG_ENGLISH} "Its window will open once Microsoft Edge WebView2 Runtime is installed; the command line works already."
LangString FinishNoWebView2 ${LANG_RUSSIAN} "Её окно откроется, когда будет установлен Microsoft Edge WebView2 Runtime; командная строка работает уже сейчас."
LangString WebView2MissingLog ${LANG_ENGLISH} "Microsoft Edge WebView2 Runtime is missing: the window will not open until it is installed (${WEBVIEW2_PAGE}); the command line works without it."
LangString WebView2MissingLog ${LANG_RUSSIAN} "Нет Microsoft Edge WebView2 Runtime: окно не откроется, пока он не установлен (${WEBVIEW2_PAGE}); командная строка работает и без него."
LangString WebView2Found ${LANG_ENGLISH} "Microsoft Edge WebView2 Runtime"
LangString WebView2Found ${LANG_RUSSIAN} "Microsoft Edge WebView2 Runtime"
LangString DataPageTitle ${LANG_ENGLISH} "Uninstall ${PRODUCT_NAME}"
LangString DataPageTitle ${LANG_RUSSIAN} "Удаление ${PRODUCT_NAME}"
LangString DataPageSubtitle ${LANG_ENGLISH} "Remove ${PRODUCT_NAME} from this computer."
LangString DataPageSubtitle ${LANG_RUSSIAN} "Удаление ${PRODUCT_NAME} с этого компьютера."
LangString DataPageProgram ${LANG_ENGLISH} "${PRODUCT_NAME} will be removed from this folder:"
LangString DataPageProgram ${LANG_RUSSIAN} "Программа ${PRODUCT_NAME} будет удалена из этой папки:"
LangString DataPageKeep ${LANG_ENGLISH} "Your drafts, backups and signing identities stay in the folder below, so that a later installation finds them again:"
LangString DataPageKeep ${LANG_RUSSIAN} "Ваши черновики, резервные копии и ключи подписи остаются в папке ниже, чтобы их нашла следующая установка:"
LangString DataPageDelete ${LANG_ENGLISH} "Also delete my drafts, backups and signing identities"
LangString DataPageDelete ${LANG_RUSSIAN} "Удалить также мои черновики, резервные копии и ключи подписи"
LangString DataPageConfirm ${LANG_ENGLISH} "Your drafts, backups and signing identities will be deleted for good, including the private keys you sign with. Delete them?"
LangString DataPageConfirm ${LANG_RUSSIAN} "Ваши черновики, резервные копии и ключи подписи (вместе с закрытыми ключами) будут удалены навсегда. Удалить их?"
LangString DataDeleted ${LANG_ENGLISH} "Deleted the drafts, backups and signing identities in"
LangString DataDeleted ${LANG_RUSSIAN} "Удалены черновики, резервные копии и ключи подписи в"
LangString DataKept ${LANG_ENGLISH} "Kept the drafts, backups and signing identities in"
LangString DataKept ${LANG_RUSSIAN} "Сохранены черновики, резервные копии и ключи подписи в"
LangString AgreementVerb ${LANG_ENGLISH} "Open with ${PRODUCT_NAME}"
LangString AgreementVerb ${LANG_RUSSIAN} "Открыть в ${PRODUCT_NAME}"

;--------------------------------
; WebView2

; Sets $WebView2Version to the runtime's version, or to "" when it is not installed.
Function FindWebView2
  StrCpy $WebView2Version ""
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    StrCpy $WebView2Version $0
    Return
  ${EndIf}
  ReadRegStr $0 HKLM "SOFTWARE\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    StrCpy $WebView2Version $0
    Return
  ${EndIf}
  ReadRegStr $0 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    StrCpy $WebView2Version $0
  ${EndIf}
FunctionEnd

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
  Call FindWebView2
  StrCpy $FinishText "$(FinishDone)"
  ${If} $WebView2Version == ""
    StrCpy $FinishText "$(FinishDone)$\r$\n$\r$\n$(FinishNoWebView2)"
    ; Silent installs go on: the command line works without the runtime.
    MessageBox MB_YESNOCANCEL|MB_ICONEXCLAMATION|MB_DEFBUTTON1 "$(WebView2Missing)" /SD IDNO IDYES open IDNO continue
    Abort
    open:
      ExecShell "open" "${WEBVIEW2_PAGE}"
    continue:
  ${EndIf}
FunctionEnd

; No "Run" tick box when the window cannot open anyway; the page says why instead.
Function FinishPageShow
  ${If} $WebView2Version == ""
    ShowWindow $mui.FinishPage.Run ${SW_HIDE}
    SendMessage $mui.FinishPage.Run ${BM_SETCHECK} ${BST_UNCHECKED} 0
  ${EndIf}
FunctionEnd

;--------------------------------
; Install

Section "${PRODUCT_NAME}" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "${EXE_DIR}/${EXE}"
  File "${EXE_DIR}/WebView2Loader.dll"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  ${If} $WebView2Version == ""
    DetailPrint "$(WebView2MissingLog)"
    FileOpen $0 "$INSTDIR\${INSTALL_LOG}" w
    FileWriteUTF16LE /BOM $0 "$(WebView2MissingLog)$\r$\n"
    FileClose $0
  ${Else}
    DetailPrint "$(WebView2Found) $WebView2Version"
    Delete "$INSTDIR\${INSTALL_LOG}"
  ${EndIf}

  ; Shortcuts: this user's Start menu and desktop.
  SetShellVarContext current
  CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${DESCRIPTION}"
  CreateShortCut "$DESKTOP\${PRODUCT_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${DESCRIPTION}"

  ; Agreements. Explorer goes by the last extension only (".json"), so the ProgID is also offered
  ; among .json's "Open with" choices; ".sla.json" itself serves programs that match it whole.
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}" "" "${AGREEMENT_TYPE_NAME}"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}" "FriendlyTypeName" "${AGREEMENT_TYPE_NAME}"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}" "InfoTip" "${AGREEMENT_TYPE_DESCRIPTION}"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}\shell" "" "open"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}\shell\open" "" "$(AgreementVerb)"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_EXT}" "" "${AGREEMENT_PROGID}"
  WriteRegStr HKCU "${CLASSES}\${AGREEMENT_EXT}" "Content Type" "${AGREEMENT_MIME}"
  WriteRegNone HKCU "${CLASSES}\${AGREEMENT_EXT}\OpenWithProgids" "${AGREEMENT_PROGID}"
  WriteRegNone HKCU "${CLASSES}\.json\OpenWithProgids" "${AGREEMENT_PROGID}"

  ; Signed agreements (PDF): offered under "Open with", never made the default PDF viewer.
  WriteRegStr HKCU "${CLASSES}\${PDF_PROGID}" "" "${PDF_TYPE_NAME}"
  WriteRegStr HKCU "${CLASSES}\${PDF_PROGID}" "FriendlyTypeName" "${PDF_TYPE_NAME}"
  WriteRegStr HKCU "${CLASSES}\${PDF_PROGID}" "InfoTip" "${PDF_TYPE_DESCRIPTION}"
  WriteRegStr HKCU "${CLASSES}\${PDF_PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\${PDF_PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegNone HKCU "${CLASSES}\.pdf\OpenWithProgids" "${PDF_PROGID}"

  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" "${AGREEMENT_EXT}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" ".json" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" ".pdf" ""
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  ; Add/Remove Programs.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Comments" "${DESCRIPTION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$\"$INSTDIR\${EXE}$\",0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\${UNINSTALLER}$\""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\${UNINSTALLER}$\" /S"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
  !insertmacro MUI_LANGDLL_SAVELANGUAGE
SectionEnd

;--------------------------------
; Uninstall

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  ; Drafts are kept unless asked: the tick box below, or /DELETEDATA on a silent uninstall.
  StrCpy $DeleteData 0
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
  ${EndIf}
FunctionEnd

Function un.DataPageCreate
  !insertmacro MUI_HEADER_TEXT "$(DataPageTitle)" "$(DataPageSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 12u "$(DataPageProgram)"
  Pop $0
  ${NSD_CreateText} 0 13u 100% 12u "$INSTDIR"
  Pop $0
  SendMessage $0 ${EM_SETREADONLY} 1 0
  ${NSD_CreateLabel} 0 36u 100% 24u "$(DataPageKeep)"
  Pop $0
  ${NSD_CreateText} 0 61u 100% 12u "$APPDATA\${IDENTIFIER}"
  Pop $0
  SendMessage $0 ${EM_SETREADONLY} 1 0
  ${NSD_CreateCheckbox} 0 84u 100% 12u "$(DataPageDelete)"
  Pop $DeleteDataCheckbox
  ${If} $DeleteData == 1
    ${NSD_Check} $DeleteDataCheckbox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DeleteDataCheckbox $0
  ${If} $0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(DataPageConfirm)" IDYES +2
    Abort
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\${INSTALL_LOG}"
  Delete "$INSTDIR\${UNINSTALLER}"
  ; Only an empty folder: the person may have chosen one that holds other things.
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${PRODUCT_NAME}.lnk"
  Delete "$DESKTOP\${PRODUCT_NAME}.lnk"

  DeleteRegKey HKCU "${CLASSES}\${AGREEMENT_PROGID}"
  DeleteRegKey HKCU "${CLASSES}\${PDF_PROGID}"
  DeleteRegKey HKCU "${CLASSES}\Applications\${EXE}"
  DeleteRegValue HKCU "${CLASSES}\${AGREEMENT_EXT}\OpenWithProgids" "${AGREEMENT_PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\${AGREEMENT_EXT}\OpenWithProgids"
  ReadRegStr $0 HKCU "${CLASSES}\${AGREEMENT_EXT}" ""
  ${If} $0 == "${AGREEMENT_PROGID}"
    DeleteRegValue HKCU "${CLASSES}\${AGREEMENT_EXT}" ""
    DeleteRegValue HKCU "${CLASSES}\${AGREEMENT_EXT}" "Content Type"
  ${EndIf}
  DeleteRegKey /ifempty HKCU "${CLASSES}\${AGREEMENT_EXT}"
  DeleteRegValue HKCU "${CLASSES}\.json\OpenWithProgids" "${AGREEMENT_PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.json\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.json"
  DeleteRegValue HKCU "${CLASSES}\.pdf\OpenWithProgids" "${PDF_PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.pdf\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.pdf"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ; The window's browser cache (WebView2) holds nothing of the person's.
  RMDir /r "$LOCALAPPDATA\${IDENTIFIER}"
  ${If} $DeleteData == 1
    RMDir /r "$APPDATA\${IDENTIFIER}"
    DetailPrint "$(DataDeleted) $APPDATA\${IDENTIFIER}"
  ${ElseIf} ${FileExists} "$APPDATA\${IDENTIFIER}\*.*"
    DetailPrint "$(DataKept) $APPDATA\${IDENTIFIER}"
  ${EndIf}
SectionEnd
