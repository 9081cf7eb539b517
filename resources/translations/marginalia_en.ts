<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotationCommands</name>
    <message numerus="yes">
        <source>Tag %n mention(s) as {label}</source>
        <translation>
            <numerusform>Tag %n mention as {label}</numerusform>
            <numerusform>Tag %n mentions as {label}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n mention(s) in {articles}.</source>
        <translation>
            <numerusform>Tagged %n mention in {articles}.</numerusform>
            <numerusform>Tagged %n mentions in {articles}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n annotation(s)</source>
        <translation>
            <numerusform>Remove annotation</numerusform>
            <numerusform>Remove %n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {what} of %n annotation(s)</source>
        <translation>
            <numerusform>Change {what} of %n annotation</numerusform>
            <numerusform>Change {what} of %n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed {what} of %n annotation(s).</source>
        <translation>
            <numerusform>Changed {what} of %n annotation.</numerusform>
            <numerusform>Changed {what} of %n annotations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s).</source>
        <translation>
            <numerusform>Accepted %n suggestion.</numerusform>
            <numerusform>Accepted %n suggestions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other annotation(s) changed too.</source>
        <translation>
            <numerusform>%n other annotation changed too.</numerusform>
            <numerusform>%n other annotations changed too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message numerus="yes">
        <source>%n annotation(s): {quotes}</source>
        <translation>
            <numerusform>%n annotation: {quotes}</numerusform>
            <numerusform>%n annotations: {quotes}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n</source>
        <translation>
            <numerusform>Delete %n</numerusform>
            <numerusform>Delete %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonDock</name>
    <message numerus="yes">
        <source>{name}: %n mention(s) — click to show the first one in each article</source>
        <translation>
            <numerusform>{name}: %n mention — click to show the first one in each article</numerusform>
            <numerusform>{name}: %n mentions — click to show the first one in each article</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealsDock</name>
    <message numerus="yes">
        <source>Opened the %n article(s) that report {parties}, with the amount selected.</source>
        <translation>
            <numerusform>Opened the %n article that reports {parties}, with the amount selected.</numerusform>
            <numerusform>Opened the %n articles that report {parties}, with the amount selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntitiesDock</name>
    <message numerus="yes">
        <source>{name} ({label}, %n tag(s))</source>
        <translation>
            <numerusform>{name} ({label}, %n tag)</numerusform>
            <numerusform>{name} ({label}, %n tags)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete “{name}” ({label}) with its %n alias(es)</source>
        <translation>
            <numerusform>Delete “{name}” ({label}) with its %n alias</numerusform>
            <numerusform>Delete “{name}” ({label}) with its %n aliases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{question}?

%n tag(s) in {articles} will be removed with it.</source>
        <translation>
            <numerusform>{question}?

%n tag in {articles} will be removed with it.</numerusform>
            <numerusform>{question}?

%n tags in {articles} will be removed with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n article(s) that mention(s) “{name}”</source>
        <translation>
            <numerusform>Showing the article that mentions “{name}”</numerusform>
            <numerusform>Showing the %n articles that mention “{name}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message numerus="yes">
        <source>%n tag(s) in {articles} — double-click to list those articles</source>
        <translation>
            <numerusform>%n tag in {articles} — double-click to list those articles</numerusform>
            <numerusform>%n tags in {articles} — double-click to list those articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The %n article(s) selected in the library</source>
        <translation>
            <numerusform>The article selected in the library</numerusform>
            <numerusform>The %n articles selected in the library</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message numerus="yes">
        <source>%n of {total} match</source>
        <translation>
            <numerusform>%n of {total} match</numerusform>
            <numerusform>%n of {total} match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlotsDock</name>
    <message numerus="yes">
        <source>%n selected article(s)</source>
        <translation>
            <numerusform>%n selected article</numerusform>
            <numerusform>%n selected articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>search result (%n article(s))</source>
        <translation>
            <numerusform>search result (%n article)</numerusform>
            <numerusform>search result (%n articles)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message numerus="yes">
        <source>Remove %n annotation(s)</source>
        <translation>
            <numerusform>Remove %n annotation</numerusform>
            <numerusform>Remove %n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message numerus="yes">
        <source>%n annotation(s) to review · Enter accepts the place · Delete removes · Space skips</source>
        <translation>
            <numerusform>%n annotation to review · Enter accepts the place · Delete removes · Space skips</numerusform>
            <numerusform>%n annotations to review · Enter accepts the place · Delete removes · Space skips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagAllDialog</name>
    <message numerus="yes">
        <source>%n untagged mention(s) in this article.</source>
        <translation>
            <numerusform>%n untagged mention in this article.</numerusform>
            <numerusform>%n untagged mentions in this article.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n untagged mention(s) in {articles}.</source>
        <translation>
            <numerusform>%n untagged mention in {articles}.</numerusform>
            <numerusform>%n untagged mentions in {articles}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n</source>
        <translation>
            <numerusform>Tag %n</numerusform>
            <numerusform>Tag %n</numerusform>
        </translation>
    </message>
</context>
</TS>
