<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gd::ContactsPage</name>
    <message numerus="yes">
        <location filename="../ui/ContactsPage.cpp" line="+276"/>
        <source>%1 is in %n group(s)</source>
        <translation>
            <numerusform>%1 is in %n group</numerusform>
            <numerusform>%1 is in %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ExportDialog</name>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="+281"/>
        <source>Exported %n message(s)…</source>
        <translation>
            <numerusform>Exported %n message…</numerusform>
            <numerusform>Exported %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>Exported %n message(s) to %1.</source>
        <translation>
            <numerusform>Exported %n message to %1.</numerusform>
            <numerusform>Exported %n messages to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::FeedView</name>
    <message numerus="yes">
        <location filename="../ui/FeedView.cpp" line="+460"/>
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n new message ↓</numerusform>
            <numerusform>%n new messages ↓</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+606"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>%1 of %n account(s) online</source>
        <translation>
            <numerusform>%1 of %n account online</numerusform>
            <numerusform>%1 of %n accounts online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::RoomListModel</name>
    <message numerus="yes">
        <location filename="../ui/RoomListModel.cpp" line="+204"/>
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n member</numerusform>
            <numerusform>%1 · %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::SearchPanel</name>
    <message numerus="yes">
        <location filename="../ui/SearchPanel.cpp" line="+252"/>
        <source>Single characters are searched in the last %n day(s) only; pick a date range to look further back.</source>
        <translation>
            <numerusform>Single characters are searched in the last day only; pick a date range to look further back.</numerusform>
            <numerusform>Single characters are searched in the last %n days only; pick a date range to look further back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n message(s) shown, more available</source>
        <translation>
            <numerusform>%n message shown, more available</numerusform>
            <numerusform>%n messages shown, more available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n message found</numerusform>
            <numerusform>%n messages found</numerusform>
        </translation>
    </message>
</context>
</TS>
