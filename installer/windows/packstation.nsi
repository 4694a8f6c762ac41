; PackStation Windows installer (NSIS 3, Unicode).
;
;   makensis /DVERSION=0.1.0 /DDIST_DIR=..\..\installer\dist\packstation /DOUTFILE=PackStation-0.1.0-setup.exe packstation.nsi
;
; A 64-bit installer (PackStation is 64-bit). The payload is the PyInstaller one-folder
; bundle: its launcher (packstation.exe; /DLAUNCHER=packstation for the Linux bundle that
; CI runs under Wine) and _internal\, and nothing else, so the uninstaller removes exactly
; what was installed.
;
; Per-machine install to Program Files, Start-menu shortcut, optional desktop shortcut,
; an uninstaller in Add/Remove Programs, in-place upgrade (user data in %LOCALAPPDATA% is
; never touched), and silent install for fleets:
;
;   PackStation-setup.exe /S /STORE=my-store /APIURL=https://api.getredo.com/v2.2 /STATION=Bench-4 [/WAREHOUSE=URI] [/DESKTOP=1] [/LOCK=1]
;
; /STORE, /APIURL, /STATION and /WAREHOUSE write %ProgramData%\PackStation\config.toml as
; UTF-8 (with /LOCK=1 users cannot change store and API address, nor the warehouse when
; /WAREHOUSE is given). /WAREHOUSE= is the warehouse's libpq URI (warehouse_url), never with
; a password in it: PackStation refuses one, and keeps passwords in the keyring
; (packstation warehouse password). Each option is one command-line
; argument split by the Windows rules, so a value may hold "/" and, quoted, spaces:
;   /STATION="Bench 4"   "/STATION=Bench \"4\""
; installer/windows/test-under-wine proves all of this, under Wine and on Windows.
;
; The token is provisioned afterwards with
;   "C:\Program Files\PackStation\packstation.exe" token set --store-id my-store  (token on stdin)

Unicode true
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "WordFunc.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (the version from pyproject.toml)"
!endif
!ifndef DIST_DIR
  !error "pass /DDIST_DIR=path\to\the\pyinstaller\bundle"
!endif
!ifndef LAUNCHER
  !define LAUNCHER "packstation.exe"
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
!if "${COMPRESSOR}" == "none"
  SetCompress off  ; a test installer that compiles in seconds
!else
  SetCompressor ${COMPRESSOR}
!endif
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
!define MUI_FINISHPAGE_RUN "$INSTDIR\${LAUNCHER}"
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
Var Warehouse
Var WantDesktop
Var Lock

Section "PackStation (required)" SecMain
  SectionIn RO
  ; Checked again here: the program may have been started while the wizard was open.
  Call EnsureNotRunning
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; Upgrade: replace the program files; settings and data live elsewhere and stay.
  RMDir /r "$INSTDIR\_internal"
  File "${DIST_DIR}\${LAUNCHER}"
  File /r "${DIST_DIR}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\${LAUNCHER}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP} (demo).lnk" "$INSTDIR\${LAUNCHER}" "--demo"
  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${LAUNCHER}"
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
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${LAUNCHER}"
SectionEnd

; After the sections, so that ${SecDesktop} is defined.
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "PackStation needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ; Before anything is written: a silent install that finds PackStation running ends
  ; here with exit code 2 and leaves the PC as it was.
  Call EnsureNotRunning
  Call ReadOptions
  ${If} $WantDesktop == "1"
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
  ; An earlier version is upgraded in place, where it is.
  ReadRegStr $R1 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $R1 != ""
    StrCpy $INSTDIR $R1
  ${EndIf}
FunctionEnd

; If ARG (one command-line argument) is NAME=value, VAR gets the value.
!macro OptionValue ARG NAME VAR
  StrLen $R9 "${NAME}"
  StrCpy $R8 "${ARG}" $R9
  ${If} $R8 == "${NAME}"
    StrCpy ${VAR} "${ARG}" "" $R9
  ${EndIf}
!macroend

Function ReadOptions
  ; FileFunc's GetOptions ends a value at the next "/", which cut
  ; /APIURL=https://api.getredo.com/v2.2 down to "https:". Instead the command line is
  ; split into arguments by Windows itself (CommandLineToArgvW, the rules every Windows
  ; program and every deployment tool quote for), and each /NAME=value is one argument:
  ; its value runs to the argument's end, "/" included; quotes let it hold spaces.
  System::Call 'kernel32::GetCommandLineW() p .r0'
  System::Call 'shell32::CommandLineToArgvW(p r0, *i 0 r1) p .r2'
  StrCmp $2 0 done
  StrCpy $3 1  ; argument 0 is the installer itself
  ${DoWhile} $3 < $1
    IntPtrOp $4 $3 * ${NSIS_PTR_SIZE}
    IntPtrOp $4 $2 + $4
    System::Call '*$4(p .r5)'
    System::Call 'kernel32::lstrcpynW(w .r6, p r5, i ${NSIS_MAX_STRLEN})'
    !insertmacro OptionValue $6 "/STORE=" $Store
    !insertmacro OptionValue $6 "/APIURL=" $ApiUrl
    !insertmacro OptionValue $6 "/STATION=" $Station
    !insertmacro OptionValue $6 "/WAREHOUSE=" $Warehouse
    !insertmacro OptionValue $6 "/DESKTOP=" $WantDesktop
    !insertmacro OptionValue $6 "/LOCK=" $Lock
    IntOp $3 $3 + 1
  ${Loop}
  System::Call 'kernel32::LocalFree(p r2)'
  done:
FunctionEnd

; Is a process called packstation.exe running, in any user's session? $Running: 1 or 0.
; Toolhelp sees every session's processes (and works under Wine, where tasklist lists
; nothing). PROCESSENTRY32W on 64-bit Windows: 568 bytes, the exe name at offset 44.
Var Running
Function IsRunning
  Push $0
  Push $1
  Push $2
  StrCpy $Running 0
  System::Call 'kernel32::CreateToolhelp32Snapshot(i 2, i 0) p .r0'  ; TH32CS_SNAPPROCESS
  System::Alloc 568
  Pop $1
  System::Call '*$1(i 568)'
  System::Call 'kernel32::Process32FirstW(p r0, p r1) i .r2'
  ${DoWhile} $2 <> 0
    IntPtrOp $2 $1 + 44
    System::Call 'kernel32::lstrcpynW(w .r2, p r2, i 260)'
    ${If} $2 == "packstation.exe"  ; StrCmp ignores case, as Windows does in names
      StrCpy $Running 1
      ${Break}
    ${EndIf}
    System::Call 'kernel32::Process32NextW(p r0, p r1) i .r2'
  ${Loop}
  System::Free $1
  System::Call 'kernel32::CloseHandle(p r0)'
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

Function EnsureNotRunning
  ; A running program cannot be replaced: Windows refuses to open its files for writing.
  ; Ask to close it (nothing is lost: unsent shipments wait in its database); a silent
  ; install fails with exit code 2 so the deployment tool can try again later.
  retry:
    Call IsRunning
    StrCmp $Running 0 free
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "PackStation is running on this computer. Close it (shipments not yet sent are kept) and press Retry." /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
  free:
FunctionEnd

; A value for a TOML basic string, in place on the stack: backslash and double quote
; escaped first, then every control character but tab as \uXXXX (TOML allows none raw).
Function TomlEscape
  Exch $0
  Push $1
  Push $2
  Push $3
  ${WordReplace} $0 "\" "\\" "+" $0
  ${WordReplace} $0 '"' '\"' "+" $0
  StrCpy $1 1
  ${Do}
    ${If} $1 <> 9
      IntFmt $2 "%c" $1
      IntFmt $3 "\u%04X" $1
      ${WordReplace} $0 $2 $3 "+" $0
    ${EndIf}
    IntOp $1 $1 + 1
    ${IfThen} $1 = 32 ${|} StrCpy $1 127 ${|}
  ${LoopUntil} $1 > 127
  Pop $3
  Pop $2
  Pop $1
  Exch $0
FunctionEnd
!macro TomlEscape VAR
  Push ${VAR}
  Call TomlEscape
  Pop ${VAR}
!macroend

; config.toml must be UTF-8 (TOML says so, and the app reads it so). A Unicode NSIS
; FileWrite writes the ANSI code page instead (Süd became the byte 0xFC) and
; FileWriteUTF16LE writes UTF-16, so the text is converted with WideCharToMultiByte
; (CP_UTF8) and its bytes written as they are; no byte-order mark.
; In: the text on the stack, the open file handle in $9. Sets the error flag on failure.
Function WriteUtf8
  Exch $0
  Push $1
  Push $2
  Push $3
  System::Call 'kernel32::WideCharToMultiByte(i 65001, i 0, w r0, i -1, p 0, i 0, p 0, p 0) i .r1'
  System::Alloc $1
  Pop $2
  System::Call 'kernel32::WideCharToMultiByte(i 65001, i 0, w r0, i -1, p r2, i r1, p 0, p 0) i .r1'
  IntOp $1 $1 - 1  ; not the terminating NUL
  System::Call 'kernel32::WriteFile(p r9, p r2, i r1, *i 0 r3, p 0) i .r0'
  System::Free $2
  ${If} $0 == 0
  ${OrIf} $3 <> $1
    SetErrors
  ${EndIf}
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

Function WriteMachineConfig
  ; Only when IT passed options; an existing config is otherwise left as it is.
  ${If} $Store == ""
  ${AndIf} $ApiUrl == ""
  ${AndIf} $Station == ""
  ${AndIf} $Warehouse == ""
    Return
  ${EndIf}
  SetShellVarContext all
  !insertmacro TomlEscape $ApiUrl
  !insertmacro TomlEscape $Store
  !insertmacro TomlEscape $Station
  !insertmacro TomlEscape $Warehouse
  StrCpy $R0 "# Written by the PackStation installer. See README: Fleet configuration.$\r$\n"
  ${If} $ApiUrl != ""
    StrCpy $R0 '$R0api_url = "$ApiUrl"$\r$\n'
  ${EndIf}
  ${If} $Store != ""
    StrCpy $R0 '$R0store_id = "$Store"$\r$\n'
  ${EndIf}
  ${If} $Station != ""
    StrCpy $R0 '$R0station_name = "$Station"$\r$\n'
  ${EndIf}
  ${If} $Warehouse != ""
    StrCpy $R0 '$R0warehouse_url = "$Warehouse"$\r$\n'
  ${EndIf}
  ; The warehouse decides where the bench's claims and facts go: locked like the API
  ; address, but only when given (locking it empty would keep a bench out of any warehouse).
  ${If} $Lock == "1"
  ${AndIf} $Warehouse != ""
    StrCpy $R0 '$R0locked = ["api_url", "store_id", "warehouse_url"]$\r$\n'
  ${ElseIf} $Lock == "1"
    StrCpy $R0 '$R0locked = ["api_url", "store_id"]$\r$\n'
  ${EndIf}
  ClearErrors
  CreateDirectory "$APPDATA\${APP}"
  FileOpen $9 "$APPDATA\${APP}\config.toml" w
  ${IfNot} ${Errors}
    Push $R0
    Call WriteUtf8
    FileClose $9
  ${EndIf}
  ${If} ${Errors}
    ; A fleet PC without its configuration is not installed: say so, and fail.
    MessageBox MB_ICONSTOP "Cannot write $APPDATA\${APP}\config.toml." /SD IDOK
    SetErrorLevel 1
    Abort
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  ; Exactly what the installer put there; anything else in the folder stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${LAUNCHER}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; The registry last: when the entry is gone, so are the files.
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
  ; %ProgramData%\PackStation (IT's config) and each user's data are kept on purpose.
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "The PackStation program."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A shortcut on every user's desktop."
!insertmacro MUI_FUNCTION_DESCRIPTION_END
