; PackStation Windows installer (NSIS 3, Unicode).
;
;   makensis /DVERSION=0.1.0 /DDIST_DIR=..\..\installer\dist\packstation /DOUTFILE=PackStation-0.1.0-setup.exe packstation.nsi
;
; Per-machine install to Program Files, Start-menu shortcut, optional desktop shortcut,
; an uninstaller in Add/Remove Programs, in-place upgrade (user data in %LOCALAPPDATA% is
; never touched), and silent install for fleets:
;
;   PackStation-setup.exe /S /STORE=my-store /APIURL=https://api.getredo.com/v2.2 /STATION=Bench-4 [/DESKTOP=1] [/LOCK=1]
;
; /STORE, /APIURL and /STATION write %ProgramData%\PackStation\config.toml (with /LOCK=1
; users cannot change store and API address). The token is provisioned afterwards with
;   "C:\Program Files\PackStation\packstation.exe" token set --store-id my-store  (token on stdin)

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WordFunc.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (the version from pyproject.toml)"
!endif
!ifndef DIST_DIR
  !error "pass /DDIST_DIR=path\to\the\pyinstaller\bundle"
!endif
!ifndef OUTFILE
  !define OUTFILE "PackStation-${VERSION}-setup.exe"
!endif

!define APP "PackStation"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "Software\${APP}" "InstallDir"
RequestExecutionLevel admin
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "CompanyName" "${APP}"
VIAddVersionKey "LegalCopyright" "${APP}"

!define MUI_ICON "..\..\resources\icons\packstation.ico"
!define MUI_UNICON "..\..\resources\icons\packstation.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\packstation.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Var Store
Var ApiUrl
Var Station
Var WantDesktop
Var Lock

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "PackStation needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  ${GetOptions} $R0 "/STORE=" $Store
  ${GetOptions} $R0 "/APIURL=" $ApiUrl
  ${GetOptions} $R0 "/STATION=" $Station
  ${GetOptions} $R0 "/DESKTOP=" $WantDesktop
  ${GetOptions} $R0 "/LOCK=" $Lock
  ; An earlier version is upgraded in place, where it is.
  ReadRegStr $R1 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $R1 != ""
    StrCpy $INSTDIR $R1
  ${EndIf}
FunctionEnd

Section "PackStation (required)" SecMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  Call EnsureNotRunning
  ; Upgrade: replace the program files; settings and data live elsewhere and stay.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\packstation.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP} (demo).lnk" "$INSTDIR\packstation.exe" "--demo"
  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\packstation.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
  Call WriteMachineConfig
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\packstation.exe"
SectionEnd


Function EnsureNotRunning
  ; A running program cannot be replaced: Windows refuses to open its file for writing.
  ; Ask to close it (nothing is lost: unsent shipments wait in its database); a silent
  ; install fails with exit code 2 so the deployment tool can try again later.
  IfFileExists "$INSTDIR\packstation.exe" 0 free
  retry:
    ClearErrors
    FileOpen $0 "$INSTDIR\packstation.exe" a
    IfErrors 0 opened
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "PackStation is running on this computer. Close it (shipments not yet sent are kept) and press Retry." /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Abort
  opened:
    FileClose $0
  free:
FunctionEnd

; A value for a TOML basic string: backslashes and double quotes escaped.
!macro TomlEscape VAR
  ${WordReplace} "${VAR}" "\" "\\" "+" ${VAR}
  ${WordReplace} "${VAR}" '"' '\"' "+" ${VAR}
!macroend

Function WriteMachineConfig
  ; Only when IT passed options; an existing config is otherwise left as it is.
  ${If} $Store == ""
  ${AndIf} $ApiUrl == ""
  ${AndIf} $Station == ""
    Return
  ${EndIf}
  SetShellVarContext all
  !insertmacro TomlEscape $ApiUrl
  !insertmacro TomlEscape $Store
  !insertmacro TomlEscape $Station
  CreateDirectory "$APPDATA\${APP}"
  FileOpen $9 "$APPDATA\${APP}\config.toml" w
  FileWrite $9 "# Written by the PackStation installer. See README: Fleet configuration.$\r$\n"
  ${If} $ApiUrl != ""
    FileWrite $9 'api_url = "$ApiUrl"$\r$\n'
  ${EndIf}
  ${If} $Store != ""
    FileWrite $9 'store_id = "$Store"$\r$\n'
  ${EndIf}
  ${If} $Station != ""
    FileWrite $9 'station_name = "$Station"$\r$\n'
  ${EndIf}
  ${If} $Lock == "1"
    FileWrite $9 'locked = ["api_url", "store_id"]$\r$\n'
  ${EndIf}
  FileClose $9
FunctionEnd

Function .onInstSuccess
  ${If} $WantDesktop == "1"
    SetShellVarContext all
    CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\packstation.exe"
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\packstation.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
  ; %ProgramData%\PackStation (IT's config) and each user's data are kept on purpose.
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "The PackStation program."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A shortcut on every user's desktop."
!insertmacro MUI_FUNCTION_DESCRIPTION_END
