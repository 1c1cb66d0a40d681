; Inno Setup 6.3+ script: the per-user Windows installer of CS360 Desk. No admin rights needed.
; installer/build.py compiles it after PyInstaller, passing the version and the bundle folder:
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\...\dist\CS360Desk /DOutputDir=C:\...\dist cs360desk.iss
; Without them it reads ..\..\dist\CS360Desk, where `python installer/build.py` puts the app.
; The user's workspace, backups and settings live in %LOCALAPPDATA%\CS360 Desk and the
; registry, never in the program folder, so uninstalling leaves them all in place.

#define AppName "CS360 Desk"
#define AppExe "CS360Desk.exe"
#define CliExe "cs360desk-cli.exe"
#define FileType "CS360Desk.Workspace"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\CS360Desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{26D1699B-071D-4E6E-BCBD-2032461D28A6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per user: %LOCALAPPDATA%\Programs\CS360 Desk, the user's Start menu and desktop.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\..\resources\icon.ico
OutputDir={#OutputDir}
OutputBaseFilename=CS360Desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open .cs360 workspace files with {#AppName}"; GroupDescription: "File types:"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Run CS360 problem solving, offline"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

; The .cs360 association lives under HKCU\Software\Classes: this user only, no admin rights.
[Registry]
Root: HKCU; Subkey: "Software\Classes\.cs360"; ValueType: string; ValueName: ""; ValueData: "{#FileType}"; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\.cs360\OpenWithProgids"; ValueType: string; ValueName: "{#FileType}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#FileType}"; ValueType: string; ValueName: ""; ValueData: "{#AppName} workspace"; Flags: uninsdeletekey; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#FileType}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#FileType}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
