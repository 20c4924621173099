; Inno Setup script of the Windows installer (not yet built or run on Windows: see README).
;
;   pyinstaller --noconfirm --distpath dist --workpath build packaging\helpdesk.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\helpdesk.iss
;
; Installs dist\helpdesk\ (helpdesk.exe for commands, helpdeskw.exe for the window) for the
; current user only, with no administrator rights, into %LOCALAPPDATA%\Programs\Helpdesk, and
; adds a start-menu entry (and, if asked, a desktop one) that opens helpdeskw.exe.
; The station's data lives in %LOCALAPPDATA%\helpdesk\helpdesk (platformdirs), which this
; installer never writes and the uninstaller never removes: uninstalling or upgrading keeps
; every family, aid record and backup, and the first start of a new version backs the station
; file up (station.db.before-<migration>) before upgrading it. The device secret stays in
; Windows Credential Manager.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Never change AppId: upgrades find the installed version by it.
AppId={{6B0E4C1A-5E57-4B8C-9C2B-2F1D3A7E8C41}
AppName=Helpdesk
AppVersion={#AppVersion}
AppVerName=Helpdesk {#AppVersion}
AppPublisher=Helpdesk
DefaultDirName={autopf}\Helpdesk
DefaultGroupName=Helpdesk
DisableProgramGroupPage=yes
; Per user: no administrator needed, and the data folder above belongs to the same user.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=helpdesk-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\icons\helpdesk.ico
UninstallDisplayIcon={app}\helpdeskw.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade over a running app would leave half-replaced files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app; files of an older version that the new one no longer has are
; removed first, so an upgrade is the new folder exactly.
Source: "..\..\dist\helpdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Helpdesk"; Filename: "{app}\helpdeskw.exe"; Comment: "帮扶站登记 · Helpdesk"
Name: "{autoprograms}\Helpdesk demo"; Filename: "{app}\helpdeskw.exe"; Parameters: "demo"
Name: "{autodesktop}\Helpdesk"; Filename: "{app}\helpdeskw.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\helpdeskw.exe"; Description: "{cm:LaunchProgram,Helpdesk}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] is left out on purpose: only the files installed above are removed, never
; %LOCALAPPDATA%\helpdesk (the station's data) nor %LOCALAPPDATA%\helpdesk-demo.
