; Inno Setup script for the Windows installer of her2desk (Inno Setup 6: https://jrsoftware.org/isinfo.php).
;
; First build the bundle on Windows (it is not cross-built):
;     .venv\Scripts\pyinstaller --noconfirm --distpath build\bundle\dist --workpath build\bundle\work packaging\her2desk.spec
; then compile this script:
;     iscc packaging\windows\her2desk.iss          ->  build\installer\her2desk-<version>-setup.exe
;
; It installs per machine into Program Files (an administrator installs it once for every user of the
; workstation), adds Start-menu entries for the desktop program and its uninstaller, and uses the
; application icon. tests/bundle/test_windows_installer.py checks that every file named below is one
; the bundle built from packaging/her2desk.spec has, and that AppVersion is pyproject.toml's version.
;
; The lab's data is never removed: the database, its backups and the lab settings live in the user data
; folder (%LOCALAPPDATA%\her2desk, platformdirs' user_data_dir) or on the lab's PostgreSQL server,
; not in {app}. The uninstaller removes only the files it installed; there is deliberately no
; [UninstallDelete] entry for the data folder, so uninstalling or upgrading keeps every case.

#define AppName "her2desk"
#define AppVersion "0.1.0"
#define BundleDir "..\..\build\bundle\dist\her2desk-" + AppVersion

[Setup]
AppId={{5C0F3B1E-7A52-4C6B-9B1D-2E8F4A6D0C91}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=her2desk engineers
DefaultDirName={autopf}\her2desk
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\her2desk.ico
UninstallDisplayIcon={app}\her2desk-gui.exe
OutputDir=..\..\build\installer
OutputBaseFilename=her2desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The two executables (the windowed desktop program and the console command line) and the libraries,
; resources and migrations they share.
Source: "{#BundleDir}\her2desk-gui.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\her2desk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\her2desk-gui.exe"; IconFilename: "{app}\_internal\resources\icons\her2desk.ico"; Comment: "Record, interpret and explain HER2 results"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\her2desk-gui.exe"; IconFilename: "{app}\_internal\resources\icons\her2desk.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\her2desk-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
