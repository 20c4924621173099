<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="21"/>
        <source>About Helpdesk</source>
        <translation>About Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="27"/>
        <source>Back to Settings</source>
        <translation>Back to Settings</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="37"/>
        <source>Helpdesk {version}: the aid register of a trade-union help station.</source>
        <translation>Helpdesk {version}: the aid register of a trade-union help station.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="39"/>
        <source>Station: {name}</source>
        <translation>Station: {name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="40"/>
        <source>Station code: {code} (provisional until the station enrolls with the central server)</source>
        <translation>Station code: {code} (provisional until the station enrolls with the central server)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="42"/>
        <source>Station code: {code}</source>
        <translation>Station code: {code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="43"/>
        <source>This laptop&apos;s device code: {code}</source>
        <translation>This laptop&apos;s device code: {code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="44"/>
        <source>Data folder: {folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="45"/>
        <source>Licence: Apache-2.0. Chinese text uses the Noto Sans CJK fonts (SIL Open Font License).</source>
        <translation>Licence: Apache-2.0. Chinese text uses the Noto Sans CJK fonts (SIL Open Font License).</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="38"/>
        <source>Second volunteer</source>
        <translation>Second volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="39"/>
        <source>Station head&apos;s approval</source>
        <translation>Station head&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="55"/>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="56"/>
        <source>Station head</source>
        <translation>Station head</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="58"/>
        <source>Reason (written on the record)</source>
        <translation>Reason (written on the record)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="64"/>
        <source>Their PIN</source>
        <translation>Their PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="66"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="69"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="81"/>
        <source>Nobody else can sign off: add a volunteer first</source>
        <translation>Nobody else can sign off: add a volunteer first</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="91"/>
        <source>Write the reason</source>
        <translation>Write the reason</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="94"/>
        <source>Type the PIN</source>
        <translation>Type the PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="1"/>
        <source>Approvals before signing</source>
        <translation>Approvals before signing</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="1"/>
        <source>{what}: reason (written on the record)</source>
        <translation>{what}: reason (written on the record)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="1"/>
        <source>The station head&apos;s PIN</source>
        <translation>The station head&apos;s PIN</translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/clear_button.py" line="1"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="41"/>
        <source>Every column was recognised.</source>
        <translation>Every column was recognised.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="42"/>
        <source>Say what these columns hold (or leave them out):</source>
        <translation>Say what these columns hold (or leave them out):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="46"/>
        <source>Leave out</source>
        <translation>Leave out</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="57"/>
        <source>(not given: rows will be refused)</source>
        <translation>(not given: rows will be refused)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="62"/>
        <source>{field} for every row</source>
        <translation>{field} for every row</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="38"/>
        <source>Connect to a server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="41"/>
        <source>The union office gives you the server&apos;s address and a one-time enrollment code. Once connected, the station sends its aid records by itself whenever there is a connection.</source>
        <translation>The union office gives you the server&apos;s address and a one-time enrollment code. Once connected, the station sends its aid records by itself whenever there is a connection.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="51"/>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="52"/>
        <source>Enrollment code</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="57"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="62"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="102"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="117"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Something went wrong; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../helpdesk/app.py" line="104"/>
        <source>Something went wrong. Your saved work is safe. Please tell the station head; the details are below.</source>
        <translation>Something went wrong. Your saved work is safe. Please tell the station head; the details are below.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../helpdesk/app.py" line="128"/>
        <source>Demo station: sign in as {user} with PIN {pin}</source>
        <translation>Demo station: sign in as {user} with PIN {pin}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="58"/>
        <source>Export the ledger</source>
        <translation>Export the ledger</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="64"/>
        <source>Aid ledger (台账)</source>
        <translation>Aid ledger (台账)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="65"/>
        <source>Family roster (困难职工档案)</source>
        <translation>Family roster (困难职工档案)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="67"/>
        <source>All dates</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="76"/>
        <source>All programmes</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="82"/>
        <source>Full ID numbers (not masked)</source>
        <translation>Full ID numbers (not masked)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="84"/>
        <source>The file will hold every family's full ID number: keep it safe and send it only to the union office. This export is written to the audit log.</source>
        <translation>The file will hold every family's full ID number: keep it safe and send it only to the union office. This export is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="92"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="93"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="94"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="95"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="101"/>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="106"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="145"/>
        <source>families-{day}.xlsx</source>
        <translation>families-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="147"/>
        <source>ledger-all.xlsx</source>
        <translation>ledger-all.xlsx</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="148"/>
        <source>ledger-{from}-{to}.xlsx</source>
        <translation>ledger-{from}-{to}.xlsx</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="156"/>
        <source>Save the export as</source>
        <translation>Save the export as</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="157"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="202"/>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="204"/>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="229"/>
        <source>Saved {file}: {n} aid, total ¥{total} ({void} void not counted)</source>
        <translation>Saved {file}: {n} aid, total ¥{total} ({void} void not counted)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="233"/>
        <source>Saved {file}: {n} families, {people} people</source>
        <translation>Saved {file}: {n} families, {people} people</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="245"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Something went wrong; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>ExportSection</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="269"/>
        <source>Ledger for the union office</source>
        <translation>Ledger for the union office</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="271"/>
        <source>The aid ledger (台账) or the family roster as an Excel file.</source>
        <translation>The aid ledger (台账) or the family roster as an Excel file.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="274"/>
        <source>Export the ledger…</source>
        <translation>Export the ledger…</translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="22"/>
        <source>Families</source>
        <translation>Families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="25"/>
        <source>Name, pinyin, or last digits of ID or phone</source>
        <translation>Name, pinyin, or last digits of ID or phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="39"/>
        <source>Register a new family</source>
        <translation>Register a new family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="83"/>
        <source>No family found. Check the spelling, or register it.</source>
        <translation>No family found. Check the spelling, or register it.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="85"/>
        <source>Tap a family to open it</source>
        <translation>Tap a family to open it</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="126"/>
        <source>Several families match: pick one (Down arrow, then Enter), or type more of the name or number</source>
        <translation>Several families match: pick one (Down arrow, then Enter), or type more of the name or number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="44"/>
        <source>Import from Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
</context>
<context>
    <name>FamilyFormPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="55"/>
        <source>Taken from the ID; or 1980-05-17</source>
        <translation>Taken from the ID; or 1980-05-17</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="60"/>
        <source>Head of family&apos;s name</source>
        <translation>Head of family&apos;s name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="60"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="61"/>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="61"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="62"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="62"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="63"/>
        <source>Region code (6 digits)</source>
        <translation>Region code (6 digits)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="63"/>
        <source>Hukou</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="64"/>
        <source>Employment</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="64"/>
        <source>Difficulties (one or more)</source>
        <translation>Difficulties (one or more)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="65"/>
        <source>Monthly household income (yuan)</source>
        <translation>Monthly household income (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="66"/>
        <source>Social insurance the family has</source>
        <translation>Social insurance the family has</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="67"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="72"/>
        <source>The family agreed to be registered</source>
        <translation>The family agreed to be registered</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="81"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="97"/>
        <source>Edit family</source>
        <translation>Edit family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="97"/>
        <source>Register a family</source>
        <translation>Register a family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="148"/>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="153"/>
        <source>Check the fields marked below</source>
        <translation>Check the fields marked below</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="181"/>
        <source>This family may be registered already. Is it one of these?</source>
        <translation>This family may be registered already. Is it one of these?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="192"/>
        <source>This is the same family: open it</source>
        <translation>This is the same family: open it</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="197"/>
        <source>Different family: save the new one</source>
        <translation>Different family: save the new one</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="202"/>
        <source>Check the possible duplicates below before saving</source>
        <translation>Check the possible duplicates below before saving</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="72"/>
        <source>Consent (required)</source>
        <translation>Consent (required)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="90"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="167"/>
        <source>Tick the box once the family has agreed to be registered</source>
        <translation>Tick the box once the family has agreed to be registered</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="205"/>
        <source>Check the fields marked in red, starting with “{field}”</source>
        <translation>Check the fields marked in red, starting with “{field}”</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="1"/>
        <source>Essential spending a year (yuan): medical bills, school fees and the like</source>
        <translation>Essential spending a year (yuan): medical bills, school fees and the like</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="1"/>
        <source>Hardship tier</source>
        <translation>Hardship tier</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="40"/>
        <source>Give aid</source>
        <translation>Give aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="44"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="47"/>
        <source>Add member</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="58"/>
        <source>Household members (tap one to edit)</source>
        <translation>Household members (tap one to edit)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="65"/>
        <source>Aid given (newest first)</source>
        <translation>Aid given (newest first)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="67"/>
        <source>Void the chosen aid</source>
        <translation>Void the chosen aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="70"/>
        <source>Only a station head can void aid.</source>
        <translation>Only a station head can void aid.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="73"/>
        <source>Receipt of the chosen aid</source>
        <translation>Receipt of the chosen aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="79"/>
        <source>Merge with a duplicate…</source>
        <translation>Merge with a duplicate…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="112"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="113"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="114"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="115"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="116"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="117"/>
        <source>Hukou</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="118"/>
        <source>Employment</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="119"/>
        <source>Difficulties</source>
        <translation>Difficulties</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="120"/>
        <source>Monthly income (yuan)</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="121"/>
        <source>Social insurance</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="122"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="123"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="140"/>
        <source>No other members recorded</source>
        <translation>No other members recorded</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="146"/>
        <source> yuan</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="150"/>
        <source>VOID: {reason}</source>
        <translation>VOID: {reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="155"/>
        <source>No aid given yet</source>
        <translation>No aid given yet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="158"/>
        <source>{programme}: {count} time(s), {amount} yuan</source>
        <translation>{programme}: {count} time(s), {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="162"/>
        <source>This campaign: </source>
        <translation>This campaign: </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="163"/>
        <source>nothing yet</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="190"/>
        <source>The aid was voided; its receipt number stays, marked void.</source>
        <translation>The aid was voided; its receipt number stays, marked void.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="202"/>
        <source>The two registrations are one family now.</source>
        <translation>The two registrations are one family now.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="1"/>
        <source>Hardship tier</source>
        <translation>Hardship tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="1"/>
        <source>not set</source>
        <translation>not set</translation>
    </message>
</context>
<context>
    <name>FamilySearchModel</name>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="36"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="37"/>
        <source>end of ID number</source>
        <translation>end of ID number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="38"/>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="39"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="40"/>
        <source>pinyin</source>
        <translation>pinyin</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="41"/>
        <source>household member</source>
        <translation>household member</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="62"/>
        <source>Set up this help station</source>
        <translation>Set up this help station</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="64"/>
        <source>Fill in the station and its head. The head signs in with the PIN chosen here.</source>
        <translation>Fill in the station and its head. The head signs in with the PIN chosen here.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="81"/>
        <source>Station name</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="82"/>
        <source>Region code (6 digits, e.g. 420111)</source>
        <translation>Region code (6 digits, e.g. 420111)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="84"/>
        <source>Trade union (optional)</source>
        <translation>Trade union (optional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="85"/>
        <source>Station phone (optional)</source>
        <translation>Station phone (optional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="86"/>
        <source>Station head&apos;s name</source>
        <translation>Station head&apos;s name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="87"/>
        <source>Head&apos;s PIN (6 to 12 digits)</source>
        <translation>Head&apos;s PIN (6 to 12 digits)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="88"/>
        <source>The PIN again</source>
        <translation>The PIN again</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="95"/>
        <source>Create the station</source>
        <translation>Create the station</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="110"/>
        <source>Recovery code</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="112"/>
        <source>This code unlocks the station if PINs are forgotten or this laptop breaks. It is shown only now: print it or write it down, and keep it locked away.</source>
        <translation>This code unlocks the station if PINs are forgotten or this laptop breaks. It is shown only now: print it or write it down, and keep it locked away.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="124"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="127"/>
        <source>I have written it down</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="129"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="144"/>
        <source>The two PINs differ</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="182"/>
        <source>Helpdesk recovery code</source>
        <translation>Helpdesk recovery code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="1"/>
        <source>The station's region</source>
        <translation>The station's region</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="1"/>
        <source>Creating the station…</source>
        <translation>Creating the station…</translation>
    </message>
</context>
<context>
    <name>GiveAidPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="48"/>
        <source>Give aid</source>
        <translation>Give aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="81"/>
        <source>Amount in yuan, e.g. 500</source>
        <translation>Amount in yuan, e.g. 500</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="89"/>
        <source>e.g. legal advice on unpaid wages</source>
        <translation>e.g. legal advice on unpaid wages</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="96"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="97"/>
        <source>Cash amount (yuan)</source>
        <translation>Cash amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="98"/>
        <source>Goods given</source>
        <translation>Goods given</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="99"/>
        <source>Service given</source>
        <translation>Service given</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="100"/>
        <source>Who receives it</source>
        <translation>Who receives it</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="102"/>
        <source>Name of the person receiving it</source>
        <translation>Name of the person receiving it</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="109"/>
        <source>Next: signature</source>
        <translation>Next: signature</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="125"/>
        <source>The person receiving it signs below, with a finger, a pen or the mouse.</source>
        <translation>The person receiving it signs below, with a finger, a pen or the mouse.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="134"/>
        <source>Clear the signature</source>
        <translation>Clear the signature</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="150"/>
        <source>Cannot sign: station head records why…</source>
        <translation>Cannot sign: station head records why…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="137"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="140"/>
        <source>Confirm and save</source>
        <translation>Confirm and save</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="159"/>
        <source>Saved. Receipt number:</source>
        <translation>Saved. Receipt number:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="166"/>
        <source>Receipt: preview, print, PDF</source>
        <translation>Receipt: preview, print, PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="170"/>
        <source>Back to the family</source>
        <translation>Back to the family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="173"/>
        <source>Find another family</source>
        <translation>Find another family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="188"/>
        <source>Give aid to {name}</source>
        <translation>Give aid to {name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="206"/>
        <source>No programme is open today: a station head can create one on the Programmes page.</source>
        <translation>No programme is open today: a station head can create one on the Programmes page.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="234"/>
        <source>In capitals: {capitals}</source>
        <translation>In capitals: {capitals}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="268"/>
        <source>{amount} yuan ({capitals})</source>
        <translation>{amount} yuan ({capitals})</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="273"/>
        <source>{programme}: {what}
Received by {who}</source>
        <translation>{programme}: {what}
Received by {who}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="281"/>
        <source>The person receiving it must sign first</source>
        <translation>The person receiving it must sign first</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="301"/>
        <source>Given to {who} on {date}.</source>
        <translation>Given to {who} on {date}.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="1"/>
        <source>Pick the programme</source>
        <translation>Pick the programme</translation>
    </message>
</context>
<context>
    <name>GoodsEditor</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="52"/>
        <source>Add a goods line</source>
        <translation>Add a goods line</translation>
    </message>
</context>
<context>
    <name>GoodsLineRow</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="18"/>
        <source>Item, e.g. rice</source>
        <translation>Item, e.g. rice</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="21"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="25"/>
        <source>Unit, e.g. bag</source>
        <translation>Unit, e.g. bag</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="28"/>
        <source>Value (yuan)</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="30"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="19"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="25"/>
        <source>Aid given today</source>
        <translation>Aid given today</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="26"/>
        <source>Total today (yuan)</source>
        <translation>Total today (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="27"/>
        <source>Changes waiting to sync</source>
        <translation>Changes waiting to sync</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="28"/>
        <source>Families registered</source>
        <translation>Families registered</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="29"/>
        <source>Give aid</source>
        <translation>Give aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="33"/>
        <source>Register a family</source>
        <translation>Register a family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="55"/>
        <source>Hello, {name}. {date}</source>
        <translation>Hello, {name}. {date}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="66"/>
        <source>Find the family first, then choose Give aid on its page.</source>
        <translation>Find the family first, then choose Give aid on its page.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="1"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="37"/>
        <source>Enter aid from a paper sheet</source>
        <translation>Enter aid from a paper sheet</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="364"/>
        <source>Done: {added} families added, {updated} filled in, {duplicates} duplicates left out, {errors} rows with errors.</source>
        <translation>Done: {added} families added, {updated} filled in, {duplicates} duplicates left out, {errors} rows with errors.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="52"/>
        <source>Import families from Excel</source>
        <translation>Import families from Excel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="71"/>
        <source>Choose the roster: an .xlsx, .xls or .csv file. Columns are found by their header (姓名, 身份证号, 联系电话 …); title rows above the header are skipped.</source>
        <translation>Choose the roster: an .xlsx, .xls or .csv file. Columns are found by their header (姓名, 身份证号, 联系电话 …); title rows above the header are skipped.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="75"/>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="93"/>
        <source>Use a saved mapping…</source>
        <translation>Use a saved mapping…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="95"/>
        <source>Save this mapping…</source>
        <translation>Save this mapping…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="100"/>
        <source>Check the rows</source>
        <translation>Check the rows</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="117"/>
        <source>Show only rows that need a look</source>
        <translation>Show only rows that need a look</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="121"/>
        <source>Import all possible duplicates</source>
        <translation>Import all possible duplicates</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="124"/>
        <source>Skip all possible duplicates</source>
        <translation>Skip all possible duplicates</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="142"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="163"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="177"/>
        <source>Open the rows not imported</source>
        <translation>Open the rows not imported</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="180"/>
        <source>Save the rows not imported as…</source>
        <translation>Save the rows not imported as…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="183"/>
        <source>Import another file</source>
        <translation>Import another file</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="185"/>
        <source>Go to the families</source>
        <translation>Go to the families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="212"/>
        <source>Choose the roster</source>
        <translation>Choose the roster</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="213"/>
        <source>Rosters (*.xlsx *.xls *.csv)</source>
        <translation>Rosters (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="261"/>
        <source>Choose a saved mapping</source>
        <translation>Choose a saved mapping</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="262"/>
        <source>Mappings (*.json)</source>
        <translation>Mappings (*.json)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="270"/>
        <source>Save the mapping</source>
        <translation>Save the mapping</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="290"/>
        <source>Checking the rows…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="359"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="381"/>
        <source>Save the rows not imported</source>
        <translation>Save the rows not imported</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="383"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="221"/>
        <source>File: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="283"/>
        <source>Mapping saved: {path}</source>
        <translation>Mapping saved: {path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="327"/>
        <source>Import {n} families</source>
        <translation>Import {n} families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="343"/>
        <source>Importing {n} rows in one go: Cancel leaves the station as it was.</source>
        <translation>Importing {n} rows in one go: Cancel leaves the station as it was.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="391"/>
        <source>Saved: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="280"/>
        <source>The mapping could not be saved: {why}</source>
        <translation>The mapping could not be saved: {why}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="388"/>
        <source>The report could not be saved: {why}</source>
        <translation>The report could not be saved: {why}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="320"/>
        <source>{rows} rows: {added} to add, {updated} to fill in, {duplicates} duplicates skipped, {errors} with errors (not imported: they go to a report to fix).</source>
        <translation>{rows} rows: {added} to add, {updated} to fill in, {duplicates} duplicates skipped, {errors} with errors (not imported: they go to a report to fix).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py"/>
        <source>Household members: {members} added, {members_updated} filled in (they follow their family).</source>
        <translation>Household members: {members} added, {members_updated} filled in (they follow their family).</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="30"/>
        <source>New family</source>
        <translation>New family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="31"/>
        <source>Not imported: fix it in the file</source>
        <translation>Not imported: fix it in the file</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="32"/>
        <source>Registered already (same ID number)</source>
        <translation>Registered already (same ID number)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="33"/>
        <source>Possible duplicate</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="34"/>
        <source>Registered at another station</source>
        <translation>Registered at another station</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="35"/>
        <source>Imported before</source>
        <translation>Imported before</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="36"/>
        <source>Repeated in the file</source>
        <translation>Repeated in the file</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="102"/>
        <source>Fill in its blank fields from this row</source>
        <translation>Fill in its blank fields from this row</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="103"/>
        <source>Import it as a different family</source>
        <translation>Import it as a different family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="97"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="97"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member not imported: fix it in the file</source>
        <translation>Member not imported: fix it in the file</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member left out with its family</source>
        <translation>Member left out with its family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>New member of this family</source>
        <translation>New member of this family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member known already: blank fields filled in</source>
        <translation>Member known already: blank fields filled in</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member known already</source>
        <translation>Member known already</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member repeated in the file</source>
        <translation>Member repeated in the file</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="76"/>
        <source>Helpdesk: aid register</source>
        <translation>Helpdesk: aid register</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="130"/>
        <source>Restoring the backup…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="145"/>
        <source>The backup is restored: sign in again. This laptop now counts as a new device.</source>
        <translation>The backup is restored: sign in again. This laptop now counts as a new device.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="34"/>
        <source>Edit a household member</source>
        <translation>Edit a household member</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="35"/>
        <source>Add a household member</source>
        <translation>Add a household member</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="44"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="45"/>
        <source>Relation to the head</source>
        <translation>Relation to the head</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="46"/>
        <source>Resident ID (optional)</source>
        <translation>Resident ID (optional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="48"/>
        <source>Birth date (optional, 2015-09-01)</source>
        <translation>Birth date (optional, 2015-09-01)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="50"/>
        <source>Health or disability (optional)</source>
        <translation>Health or disability (optional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="52"/>
        <source>School or work (optional)</source>
        <translation>School or work (optional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="60"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="63"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="48"/>
        <source>Merge duplicate families</source>
        <translation>Merge duplicate families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="51"/>
        <source>{family} may be registered twice. Choose the other registration, the one to keep, and write why.</source>
        <translation>{family} may be registered twice. Choose the other registration, the one to keep, and write why.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="71"/>
        <source>This family ({name})</source>
        <translation>This family ({name})</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="73"/>
        <source>The chosen registration</source>
        <translation>The chosen registration</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="75"/>
        <source>The other registration</source>
        <translation>The other registration</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="77"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="78"/>
        <source>Why are they the same family?</source>
        <translation>Why are they the same family?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="81"/>
        <source>No likely duplicate of this family was found.</source>
        <translation>No likely duplicate of this family was found.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="90"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="95"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MoreSheet</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/more_sheet.py" line="1"/>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/more_sheet.py" line="1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/more_sheet.py" line="1"/>
        <source>{page} · {count} to look at</source>
        <translation>{page} · {count} to look at</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="1"/>
        <source>About Helpdesk</source>
        <translation>About Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="46"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="47"/>
        <source>Families</source>
        <translation>Families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="48"/>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="50"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="51"/>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="52"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="1"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="26"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="33"/>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="34"/>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="37"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ProgrammePicker</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>Not received this campaign · {left} left</source>
        <translation>Not received this campaign · {left} left</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>here {count} time(s), {amount} yuan</source>
        <translation>here {count} time(s), {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>another station {count} time(s)</source>
        <translation>another station {count} time(s)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>Received {count} time(s) this campaign ({where}) · {left} left</source>
        <translation>Received {count} time(s) this campaign ({where}) · {left} left</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>Used up: received {count} time(s) ({where}); a station head must approve giving again</source>
        <translation>Used up: received {count} time(s) ({where}); a station head must approve giving again</translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="23"/>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="29"/>
        <source>New local programme</source>
        <translation>New local programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="36"/>
        <source>Code, e.g. LOCAL-2026</source>
        <translation>Code, e.g. LOCAL-2026</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="37"/>
        <source>Name in Chinese</source>
        <translation>Name in Chinese</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="38"/>
        <source>Name in English (optional)</source>
        <translation>Name in English (optional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="40"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="41"/>
        <source>Starts on (2026-01-01)</source>
        <translation>Starts on (2026-01-01)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="43"/>
        <source>Ends on (2026-12-31)</source>
        <translation>Ends on (2026-12-31)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="44"/>
        <source>Times per family</source>
        <translation>Times per family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="49"/>
        <source>Create the programme</source>
        <translation>Create the programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="60"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="60"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="64"/>
        <source>{n} per family</source>
        <translation>{n} per family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="66"/>
        <source>budget {amount} yuan</source>
        <translation>budget {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="94"/>
        <source>Programme created</source>
        <translation>Programme created</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="52"/>
        <source>Receipt {number}</source>
        <translation>Receipt {number}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="65"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="68"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="71"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="98"/>
        <source>No receipt printer is chosen on this laptop: save the receipt as a PDF, or choose a printer in the receipt settings.</source>
        <translation>No receipt printer is chosen on this laptop: save the receipt as a PDF, or choose a printer in the receipt settings.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="112"/>
        <source>Sent to the printer</source>
        <translation>Sent to the printer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="117"/>
        <source>Save the receipt</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="118"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="129"/>
        <source>Saved as {path}</source>
        <translation>Saved as {path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="1"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>Type a name or pinyin, e.g. 洪山 or hongshan</source>
        <translation>Type a name or pinyin, e.g. 洪山 or hongshan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>District / county</source>
        <translation>District / county</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="26"/>
        <source>Head of family&apos;s name</source>
        <translation>Head of family&apos;s name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="27"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="28"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="29"/>
        <source>Region code</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="30"/>
        <source>Hukou</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="31"/>
        <source>Employment</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="32"/>
        <source>Difficulties</source>
        <translation>Difficulties</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="33"/>
        <source>Monthly household income</source>
        <translation>Monthly household income</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="34"/>
        <source>Social insurance</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="35"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="36"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="37"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="38"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="39"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="40"/>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="44"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="45"/>
        <source>Family member</source>
        <translation>Family member</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="46"/>
        <source>Aid</source>
        <translation>Aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="47"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="48"/>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="49"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="50"/>
        <source>Log entry</source>
        <translation>Log entry</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="65"/>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Day close</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Essential spending a year</source>
        <translation>Essential spending a year</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Hardship tier</source>
        <translation>Hardship tier</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="100"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="104"/>
        <source>Edits that clashed</source>
        <translation>Edits that clashed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="105"/>
        <source>No clashing edits.</source>
        <translation>No clashing edits.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="106"/>
        <source>Same aid at two stations</source>
        <translation>Same aid at two stations</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="107"/>
        <source>No aid given twice.</source>
        <translation>No aid given twice.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="108"/>
        <source>Changes the server refused</source>
        <translation>Changes the server refused</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="109"/>
        <source>The server took every change.</source>
        <translation>The server took every change.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="122"/>
        <source>Duplicate families</source>
        <translation>Duplicate families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="125"/>
        <source>When one family was registered twice (here or at another station), open it and merge the two: aid and caps then count as one family.</source>
        <translation>When one family was registered twice (here or at another station), open it and merge the two: aid and caps then count as one family.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="130"/>
        <source>Find the family to merge</source>
        <translation>Find the family to merge</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="146"/>
        <source>Only a station head can review these.</source>
        <translation>Only a station head can review these.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="165"/>
        <source>and {n} more</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="170"/>
        <source>{family} · {field}
Kept: {kept} ({kept_by})
The other value: {losing} ({lost_by})</source>
        <translation>{family} · {field}
Kept: {kept} ({kept_by})
The other value: {losing} ({lost_by})</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="178"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="180"/>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="181"/>
        <source>Use the other value</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="184"/>
        <source>The other value is used now</source>
        <translation>The other value is used now</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="186"/>
        <location filename="../../helpdesk/ui/pages/review.py" line="203"/>
        <source>Open the family</source>
        <translation>Open the family</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="191"/>
        <source>{programme}: {id} got it here and at {others}
Station {station} · {when}</source>
        <translation>{programme}: {id} got it here and at {others}
Station {station} · {when}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="199"/>
        <source>Mark reviewed</source>
        <translation>Mark reviewed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="201"/>
        <source>Marked reviewed</source>
        <translation>Marked reviewed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="208"/>
        <source>quarantined</source>
        <translation>quarantined</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="208"/>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="210"/>
        <source>{entity} {summary}: {status}
Reason: {reason}</source>
        <translation>{entity} {summary}: {status}
Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Open the programmes</source>
        <translation>Open the programmes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Dismissed: it stays out of the review and is not sent again</source>
        <translation>Dismissed: it stays out of the review and is not sent again</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Decisions of the union office</source>
        <translation>Decisions of the union office</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>No decision of the union office waits.</source>
        <translation>No decision of the union office waits.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>The union office asks to void receipt {receipt}: {reason}</source>
        <translation>The union office asks to void receipt {receipt}: {reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>The union office asked station {station} to void its aid: {reason}</source>
        <translation>The union office asked station {station} to void its aid: {reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Allowed by the union office: {reason}</source>
        <translation>Allowed by the union office: {reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Station {station}</source>
        <translation>Station {station}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Void the aid…</source>
        <translation>Void the aid…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>The aid was voided; its receipt number stays, marked void.</source>
        <translation>The aid was voided; its receipt number stays, marked void.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="36"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="44"/>
        <location filename="../../helpdesk/ui/pages/settings.py" line="125"/>
        <source>{n} minutes</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="48"/>
        <source>Cash above this needs a second volunteer&apos;s PIN (yuan)</source>
        <translation>Cash above this needs a second volunteer&apos;s PIN (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="51"/>
        <source>Save the amount</source>
        <translation>Save the amount</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="59"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="60"/>
        <source>Lock the screen after no use for</source>
        <translation>Lock the screen after no use for</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="62"/>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="70"/>
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="71"/>
        <source>Chinese and English</source>
        <translation>Chinese and English</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="76"/>
        <source>Receipt paper</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="77"/>
        <source>Receipt language</source>
        <translation>Receipt language</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="78"/>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="80"/>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="87"/>
        <source>Restore the chosen backup</source>
        <translation>Restore the chosen backup</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="91"/>
        <source>Backups (newest first)</source>
        <translation>Backups (newest first)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="94"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="102"/>
        <source>Connect to a server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="114"/>
        <source>About Helpdesk</source>
        <translation>About Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="152"/>
        <source>Not connected to a server. Without one, aid records stay on this laptop.</source>
        <translation>Not connected to a server. Without one, aid records stay on this laptop.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="155"/>
        <source>Connected to {url} as station {code}</source>
        <translation>Connected to {url} as station {code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="165"/>
        <source>No printer (save receipts as PDF)</source>
        <translation>No printer (save receipts as PDF)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="169"/>
        <source>{name} (not found now)</source>
        <translation>{name} (not found now)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="183"/>
        <location filename="../../helpdesk/ui/pages/settings.py" line="198"/>
        <location filename="../../helpdesk/ui/pages/settings.py" line="208"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="217"/>
        <source>Backed up to {folder}</source>
        <translation>Backed up to {folder}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="222"/>
        <source>Choose a backup first</source>
        <translation>Choose a backup first</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="57"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Backups go to</source>
        <translation>Backups go to</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Choose the backup folder…</source>
        <translation>Choose the backup folder…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Back up in the station's own folder</source>
        <translation>Back up in the station's own folder</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>{folder} (the station's own folder)</source>
        <translation>{folder} (the station's own folder)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Backups go to {folder}</source>
        <translation>Backups go to {folder}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="1"/>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="54"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="163"/>
        <source>{code} (provisional)</source>
        <translation>{code} (provisional)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="165"/>
        <source>{station} · {code} · {volunteer}</source>
        <translation>{station} · {code} · {volunteer}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="167"/>
        <source>{code} · {volunteer}</source>
        <translation>{code} · {volunteer}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="1"/>
        <source>{station} · {volunteer}</source>
        <translation>{station} · {volunteer}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="143"/>
        <source>Leave without saving?</source>
        <translation>Leave without saving?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="144"/>
        <source>What was typed on this page is not saved yet. Leave it and lose it, or cancel to go back to the form?</source>
        <translation>What was typed on this page is not saved yet. Leave it and lose it, or cancel to go back to the form?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="143"/>
        <source>Leave without saving</source>
        <translation>Leave without saving</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="134"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="39"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="55"/>
        <source>Use the recovery code</source>
        <translation>Use the recovery code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="60"/>
        <source>Recovery code</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="67"/>
        <source>Who are you?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="118"/>
        <source>station head</source>
        <translation>station head</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="118"/>
        <source>volunteer</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="138"/>
        <source>{name}, type your PIN</source>
        <translation>{name}, type your PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="152"/>
        <source>Choose your name first</source>
        <translation>Choose your name first</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="154"/>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/signature_pad.py" line="34"/>
        <source>Signature pad</source>
        <translation>Signature pad</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="61"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="62"/>
        <source>Connect to a server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="65"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="74"/>
        <source>Not connected to a server · {n} waiting</source>
        <translation>Not connected to a server · {n} waiting</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="76"/>
        <source>Syncing… · {n} waiting</source>
        <translation>Syncing… · {n} waiting</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="78"/>
        <source>Offline · {n} waiting</source>
        <translation>Offline · {n} waiting</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="81"/>
        <source>Sync failed: {error} · {n} waiting</source>
        <translation>Sync failed: {error} · {n} waiting</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="84"/>
        <source>{n} waiting</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="86"/>
        <source>last sync {time}</source>
        <translation>last sync {time}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="89"/>
        <source>not synced yet</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="92"/>
        <source>this clock is {m} min behind the server</source>
        <translation>this clock is {m} min behind the server</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="94"/>
        <source>this clock is {m} min ahead of the server</source>
        <translation>this clock is {m} min ahead of the server</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Stopping after this page… · {n} waiting</source>
        <translation>Stopping after this page… · {n} waiting</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Sync stopped: {sent} changes sent, {received} received; the rest goes next time</source>
        <translation>Sync stopped: {sent} changes sent, {received} received; the rest goes next time</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="30"/>
        <source>Void aid</source>
        <translation>Void aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="33"/>
        <source>A voided aid keeps its receipt number, marked void. Record the aid again if it was given differently.</source>
        <translation>A voided aid keeps its receipt number, marked void. Record the aid again if it was given differently.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="36"/>
        <source>Why is it voided?</source>
        <translation>Why is it voided?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="78"/>
        <source>Receipt {receipt}
{family} · {what}</source>
        <translation>Receipt {receipt}
{family} · {what}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="42"/>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="46"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="40"/>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="45"/>
        <source>New PIN for the chosen volunteer</source>
        <translation>New PIN for the chosen volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="47"/>
        <source>Set the new PIN</source>
        <translation>Set the new PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="50"/>
        <source>Remove the chosen volunteer</source>
        <translation>Remove the chosen volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="56"/>
        <source>Add a volunteer</source>
        <translation>Add a volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="62"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="63"/>
        <source>PIN (6 to 12 digits)</source>
        <translation>PIN (6 to 12 digits)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="64"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="67"/>
        <source>Add the volunteer</source>
        <translation>Add the volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="77"/>
        <source>station head</source>
        <translation>station head</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="77"/>
        <source>volunteer</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="106"/>
        <source>{name} can now sign in</source>
        <translation>{name} can now sign in</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="112"/>
        <source>Removed; the station&apos;s key was changed</source>
        <translation>Removed; the station&apos;s key was changed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="119"/>
        <source>The new PIN is set</source>
        <translation>The new PIN is set</translation>
    </message>
</context>
<context>
    <name>UsbSync</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Sync by USB stick</source>
        <translation>Sync by USB stick</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Without a network: write the changes to a file, take it to the server, and bring its answer back.</source>
        <translation>Without a network: write the changes to a file, take it to the server, and bring its answer back.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Export for USB…</source>
        <translation>Export for USB…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Import answer from USB…</source>
        <translation>Import answer from USB…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Export for USB</source>
        <translation>Export for USB</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Import answer from USB</source>
        <translation>Import answer from USB</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Reading the answer…</source>
        <translation>Reading the answer…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Wrote {file}: {n} changes for the server (encrypted: only the server can open it)</source>
        <translation>Wrote {file}: {n} changes for the server (encrypted: only the server can open it)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>It also asks the server to enroll this laptop.</source>
        <translation>It also asks the server to enroll this laptop.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Enrolled: station {code}</source>
        <translation>Enrolled: station {code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Server took {accepted}, refused {rejected}, set aside {quarantined}; {applied} changes from the region applied</source>
        <translation>Server took {accepted}, refused {rejected}, set aside {quarantined}; {applied} changes from the region applied</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>The server has more for this station: export again.</source>
        <translation>The server has more for this station: export again.</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Cash count of {day}</source>
        <translation>Cash count of {day}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Cash aid handed out today</source>
        <translation>Cash aid handed out today</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>No cash aid today</source>
        <translation>No cash aid today</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Handed out: {amount} ({count})</source>
        <translation>Handed out: {amount} ({count})</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Opening float (yuan)</source>
        <translation>Opening float (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted in the box</source>
        <translation>Counted in the box</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Reason for the difference (needed when it is not 0)</source>
        <translation>Reason for the difference (needed when it is not 0)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Signed by two</source>
        <translation>Signed by two</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted by {name}: your PIN</source>
        <translation>Counted by {name}: your PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Witness (another volunteer or the head)</source>
        <translation>Witness (another volunteer or the head)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>The witness&apos;s PIN</source>
        <translation>The witness&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Nobody else can witness: add a volunteer first</source>
        <translation>Nobody else can witness: add a volunteer first</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Past closes</source>
        <translation>Past closes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>This day is already closed. A station head can reopen it from Past closes.</source>
        <translation>This day is already closed. A station head can reopen it from Past closes.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted: {amount}</source>
        <translation>Counted: {amount}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Expected: {amount} (float less cash handed out)</source>
        <translation>Expected: {amount} (float less cash handed out)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Difference: {amount}</source>
        <translation>Difference: {amount}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted and expected differ: write the reason</source>
        <translation>Counted and expected differ: write the reason</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Type the PIN</source>
        <translation>Type the PIN</translation>
    </message>
</context>
<context>
    <name>ClosesDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Past closes</source>
        <translation>Past closes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Why is the day reopened?</source>
        <translation>Why is the day reopened?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Reopen the day</source>
        <translation>Reopen the day</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Slip</source>
        <translation>Slip</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>reopened</source>
        <translation>reopened</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>{day} · {state}
expected {expected} · counted {counted} · difference {difference}</source>
        <translation>{day} · {state}
expected {expected} · counted {counted} · difference {difference}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Choose a closed day first</source>
        <translation>Choose a closed day first</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Close slip {day}</source>
        <translation>Close slip {day}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>No receipt printer is chosen on this laptop: save the slip as a PDF, or choose a printer in the receipt settings.</source>
        <translation>No receipt printer is chosen on this laptop: save the slip as a PDF, or choose a printer in the receipt settings.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Sent to the printer</source>
        <translation>Sent to the printer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Save the close slip</source>
        <translation>Save the close slip</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Saved as {path}</source>
        <translation>Saved as {path}</translation>
    </message>
</context>
<context>
    <name>PaperEntryPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="53"/>
        <source>Enter aid from a paper sheet</source>
        <translation>Enter aid from a paper sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="59"/>
        <source>Type the sheet number printed at its top right, or scan its QR code. Then enter each line as written on the paper.</source>
        <translation>Type the sheet number printed at its top right, or scan its QR code. Then enter each line as written on the paper.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="63"/>
        <source>e.g. 7KQM-P0001</source>
        <translation>e.g. 7KQM-P0001</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="65"/>
        <source>Paper sheet number</source>
        <translation>Paper sheet number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="66"/>
        <source>Open the sheet</source>
        <translation>Open the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="87"/>
        <source>Attach a photo or scan of the sheet…</source>
        <translation>Attach a photo or scan of the sheet…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="96"/>
        <source>Name, pinyin, or last digits of ID or phone</source>
        <translation>Name, pinyin, or last digits of ID or phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="111"/>
        <source>Amount in yuan, e.g. 500</source>
        <translation>Amount in yuan, e.g. 500</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="121"/>
        <source>Line number on the sheet</source>
        <translation>Line number on the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="122"/>
        <source>Family (search as usual)</source>
        <translation>Family (search as usual)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="124"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="126"/>
        <source>Cash amount (yuan)</source>
        <translation>Cash amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="128"/>
        <source>Goods given</source>
        <translation>Goods given</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="129"/>
        <source>Service given</source>
        <translation>Service given</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="131"/>
        <source>Date and time written on the sheet</source>
        <translation>Date and time written on the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="133"/>
        <source>Handed over by</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="136"/>
        <source>Save this line</source>
        <translation>Save this line</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="139"/>
        <source>Receipt of the line saved: print, PDF</source>
        <translation>Receipt of the line saved: print, PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="149"/>
        <source>Before an outage: print numbered sheets</source>
        <translation>Before an outage: print numbered sheets</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="152"/>
        <source>Save a blank signature sheet as PDF…</source>
        <translation>Save a blank signature sheet as PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="157"/>
        <source>Save the roster of this programme as PDF…</source>
        <translation>Save the roster of this programme as PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="185"/>
        <source>Sheet {number} saved ({pages} page(s)): {path}</source>
        <translation>Sheet {number} saved ({pages} page(s)): {path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="191"/>
        <source>Save the sheet as PDF</source>
        <translation>Save the sheet as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="223"/>
        <source>{count} lines</source>
        <translation>{count} lines</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="224"/>
        <source>printed on another computer of the station</source>
        <translation>printed on another computer of the station</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="225"/>
        <source>line {line}: {receipt}</source>
        <translation>line {line}: {receipt}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="227"/>
        <source>Sheet {number} ({size}). Entered so far: {done}</source>
        <translation>Sheet {number} ({size}). Entered so far: {done}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="229"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="235"/>
        <source>No family chosen yet</source>
        <translation>No family chosen yet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="252"/>
        <source>Family: {name}</source>
        <translation>Family: {name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="257"/>
        <source>Photo or scan of the sheet</source>
        <translation>Photo or scan of the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="258"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="268"/>
        <source>The file cannot be read: choose another one</source>
        <translation>The file cannot be read: choose another one</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="274"/>
        <source>Attached: {name} ({size} KB)</source>
        <translation>Attached: {name} ({size} KB)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="290"/>
        <source>In capitals: {capitals}</source>
        <translation>In capitals: {capitals}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="324"/>
        <source>Search for the family and choose it</source>
        <translation>Search for the family and choose it</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="326"/>
        <source>Pick the programme</source>
        <translation>Pick the programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="366"/>
        <source>Line {line} saved: receipt {receipt} (补录, signed on paper sheet {sheet})</source>
        <translation>Line {line} saved: receipt {receipt} (补录, signed on paper sheet {sheet})</translation>
    </message>
</context>
<context>
    <name>DibaoLine</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Local minimum living allowance line (低保, yuan per person per month)</source>
        <translation>Local minimum living allowance line (低保, yuan per person per month)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Save the line</source>
        <translation>Save the line</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>This campaign</source>
        <translation>This campaign</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid</source>
        <translation>Aid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Yuan</source>
        <translation>Yuan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Families</source>
        <translation>Families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Families reached of those registered</source>
        <translation>Families reached of those registered</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by programme</source>
        <translation>Aid by programme</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by month</source>
        <translation>Aid by month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by difficulty</source>
        <translation>Aid by difficulty</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by employment</source>
        <translation>Aid by employment</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by hardship tier</source>
        <translation>Aid by hardship tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>A family with several difficulties counts under each of them, so these rows add up to more than the total.</source>
        <translation>A family with several difficulties counts under each of them, so these rows add up to more than the total.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>programmes open now: {codes}</source>
        <translation>programmes open now: {codes}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>no programme is open: the year so far</source>
        <translation>no programme is open: the year so far</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>{count} aid, {amount} yuan, to {reached} of {registered} registered families</source>
        <translation>{count} aid, {amount} yuan, to {reached} of {registered} registered families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>{who}: {count} aid, {amount} yuan, {families} families</source>
        <translation>{who}: {count} aid, {amount} yuan, {families} families</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>No aid in this period</source>
        <translation>No aid in this period</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Reports: {station}</source>
        <translation>Reports: {station}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Could not save the PDF: {error}</source>
        <translation>Could not save the PDF: {error}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/report_section.py" line="1"/>
        <source>Yuan</source>
        <translation>Yuan</translation>
    </message>
</context>
<context>
    <name>TierPicker</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>Use the suggestion</source>
        <translation>Use the suggestion</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>(Monthly income × 12 − essential spending a year) ÷ 12 ÷ people in the household (the head and the members on the family page), against the station's minimum living allowance line (set in Settings): below 1× is deep hardship, below 2× relative hardship. Sudden hardship (disaster, accident, serious illness) is chosen by hand.</source>
        <translation>(Monthly income × 12 − essential spending a year) ÷ 12 ÷ people in the household (the head and the members on the family page), against the station's minimum living allowance line (set in Settings): below 1× is deep hardship, below 2× relative hardship. Sudden hardship (disaster, accident, serious illness) is chosen by hand.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>A station head confirms the tier.</source>
        <translation>A station head confirms the tier.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>No suggestion: the station's minimum living allowance line is not set (Settings).</source>
        <translation>No suggestion: the station's minimum living allowance line is not set (Settings).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>No suggestion: the monthly income is not known.</source>
        <translation>No suggestion: the monthly income is not known.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>below 1× the line {line}: {tier} suggested</source>
        <translation>below 1× the line {line}: {tier} suggested</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>below 2× the line {line}: {tier} suggested</source>
        <translation>below 2× the line {line}: {tier} suggested</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>not below 2× the line {line}: no tier suggested</source>
        <translation>not below 2× the line {line}: no tier suggested</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>{sum} yuan a person a month; {verdict}</source>
        <translation>{sum} yuan a person a month; {verdict}</translation>
    </message>
</context>
</TS>
