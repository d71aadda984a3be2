<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gd::FeedView</name>
    <message numerus="yes">
        <location filename="../ui/FeedView.cpp" line="+341"/>
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
        <location filename="../ui/MainWindow.cpp" line="+363"/>
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
        <location filename="../ui/RoomListModel.cpp" line="+178"/>
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n member</numerusform>
            <numerusform>%1 · %n members</numerusform>
        </translation>
    </message>
</context>
</TS>
