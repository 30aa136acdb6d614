<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllHighlightsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="215" />
        <source>All Highlights</source>
        <translation>全部高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="220" />
        <source>Filter by text, note or article…</source>
        <translation>按文字、笔记或文章筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="221" />
        <source>Filter highlights</source>
        <translation>筛选高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="224" />
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="225" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="229" />
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="249" />
        <source>All highlights</source>
        <translation>全部高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="265" />
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="276" />
        <source>{n} highlights</source>
        <translation>{n} 条高亮</translation>
    </message>
</context>
<context>
    <name>AllHighlightsModel</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="127" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="128" />
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="129" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="130" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="131" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="132" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="201" />
        <source>&lt;b&gt;Article&lt;/b&gt;</source>
        <translation>&lt;b&gt;文章&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="204" />
        <source>Article tags</source>
        <translation>文章标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="208" />
        <source>&amp;Read</source>
        <translation>已读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="210" />
        <source>&amp;Starred</source>
        <translation>星标(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="218" />
        <source>&lt;b&gt;Highlights&lt;/b&gt;</source>
        <translation>&lt;b&gt;高亮&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="221" />
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="222" />
        <source>Filter highlights</source>
        <translation>筛选高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="224" />
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="225" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="229" />
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="248" />
        <source>Highlights in this article</source>
        <translation>本文的高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="262" />
        <source>Orphaned highlights</source>
        <translation>孤立高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="266" />
        <source>Re-attach to &amp;selection</source>
        <translation>关联到所选内容(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="268" />
        <source>Select the passage in the text where this highlight belongs, then click here</source>
        <translation>在正文中选中这条高亮所属的段落，然后点击这里</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="287" />
        <source>Colour {name}</source>
        <translation>颜色：{name}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="292" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="293" />
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="298" />
        <source>Note (Markdown)…</source>
        <translation>笔记（Markdown）…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="299" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="305" />
        <source>Highlight tags</source>
        <translation>高亮标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="335" />
        <source>&lt;b&gt;Orphaned&lt;/b&gt; (text no longer found): {n}</source>
        <translation>&lt;b&gt;孤立高亮&lt;/b&gt;（原文已找不到）：{n}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="355" />
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="465" />
        <source>Change &amp;colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="468" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../reader/ui/library_model.py" line="48" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="49" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="50" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="51" />
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="52" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="53" />
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="54" />
        <source>Read</source>
        <translation>已读</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="63" />
        <source>Export Notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="70" />
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="71" />
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="76" />
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="77" />
        <source>Selected articles</source>
        <translation>选中的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="78" />
        <source>Filtered list</source>
        <translation>筛选后的列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="79" />
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="90" />
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="93" />
        <source>Only these tags (comma separated; empty: all)</source>
        <translation>仅这些标签（逗号分隔；留空表示全部）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="94" />
        <source>Tag filter</source>
        <translation>标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="95" />
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="103" />
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="105" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="107" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="115" />
        <source>Article date:</source>
        <translation>文章日期：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="116" />
        <source>Only articles with highlights</source>
        <translation>仅含高亮的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="118" />
        <source>One Markdown file per article (into a folder)</source>
        <translation>每篇文章一个 Markdown 文件（导出到文件夹）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="122" />
        <source>Default template</source>
        <translation>默认模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="123" />
        <source>Markdown template file</source>
        <translation>Markdown 模板文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="124" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128" />
        <source>Te&amp;mplate:</source>
        <translation>模板(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="133" />
        <source>Destination</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="134" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="138" />
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="145" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="152" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="225" />
        <source>Markdown template</source>
        <translation>Markdown 模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="225" />
        <source>Templates (*.md *.txt);;All files (*)</source>
        <translation>模板 (*.md *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="232" />
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="237" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="246" />
        <source>{h} highlights from {a} articles</source>
        <translation>{a} 篇文章中的 {h} 条高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="251" />
        <source>A REFI-QDA project (zip) with {a} text sources, tags as codes and {h} coded selections.</source>
        <translation>一个 REFI-QDA 项目（zip）：{a} 个文本来源，标签作为编码，{h} 个已编码的选段。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="270" />
        <source>Choose where to save the export first.</source>
        <translation>请先选择导出的保存位置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="281" />
        <source>{dest} already exists. Replace it?</source>
        <translation>{dest} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="292" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="292" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="323" />
        <source>Exported {h} highlights from {a} articles to {n} file(s).</source>
        <translation>已将 {a} 篇文章中的 {h} 条高亮导出到 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="332" />
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="54" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="56" />
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="65" />
        <source>Previous (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="66" />
        <source>Next (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="76" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="77" />
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="97" />
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="100" />
        <source>{i} of {n}</source>
        <translation>第 {i} 个，共 {n} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="102" />
        <source>{n} matches</source>
        <translation>{n} 个匹配</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="139" />
        <location filename="../../reader/ui/main_window.py" line="887" />
        <source>Reader</source>
        <extracomment>Above this many files only folders are watched (inotify watches are a shared, limited resource); edits are then found by the periodic rescan.</extracomment>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="180" />
        <source>Search titles and text (Ctrl+L)</source>
        <translation>搜索标题和正文（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="182" />
        <source>Search the library</source>
        <translation>搜索资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="188" />
        <location filename="../../reader/ui/main_window.py" line="757" />
        <source>Tags ▾</source>
        <translation>标签 ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="189" />
        <source>Filter by tags</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="195" />
        <source>Filter by source</source>
        <translation>按来源筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="200" />
        <source>Number of articles shown</source>
        <translation>显示的文章数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="218" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="245" />
        <source>Contents ▾</source>
        <translation>目录 ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="246" />
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="253" />
        <location filename="../../reader/ui/main_window.py" line="856" />
        <source>Show original</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="256" />
        <source>Show the original page with removed parts marked</source>
        <translation>显示原始页面并标出被删除的部分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="299" />
        <source>Loading progress</source>
        <translation>载入进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="302" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="303" />
        <source>Cancel loading</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="335" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="338" />
        <source>&amp;Open Library Folder…</source>
        <translation>打开资料库文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="343" />
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="344" />
        <source>&amp;Reload Library</source>
        <translation>重新载入资料库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="346" />
        <source>&amp;Export Notes…</source>
        <translation>导出笔记(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="348" />
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="351" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="353" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="355" />
        <location filename="../../reader/ui/main_window.py" line="988" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="358" />
        <location filename="../../reader/ui/main_window.py" line="993" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="363" />
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="368" />
        <source>Search &amp;Library</source>
        <translation>搜索资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="372" />
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选内容(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="379" />
        <source>Highlight with &amp;Note…</source>
        <translation>高亮并写笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="386" />
        <source>Highlight with &amp;Tag…</source>
        <translation>高亮并加标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="394" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="400" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="403" />
        <source>Show &amp;Original</source>
        <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="409" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="411" />
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="412" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="416" />
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="417" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="418" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="419" />
        <source>S&amp;epia</source>
        <translation>护眼(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="429" />
        <source>&amp;Annotations Panel</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="435" />
        <source>All &amp;Highlights…</source>
        <translation>全部高亮(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="441" />
        <source>&amp;Library</source>
        <translation>资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="442" />
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="443" />
        <source>Tag &amp;Article…</source>
        <translation>给文章加标签(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="444" />
        <source>Mark &amp;Read/Unread</source>
        <translation>标记为已读/未读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="446" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="447" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="448" />
        <source>&amp;About Reader</source>
        <translation>关于 Reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="525" />
        <source>Loading {folder}…</source>
        <translation>正在载入 {folder}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="540" />
        <source>Cleaning articles: {done} of {total}</source>
        <translation>正在清理文章：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="583" />
        <location filename="../../reader/ui/main_window.py" line="728" />
        <source>{n} articles</source>
        <translation>{n} 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="585" />
        <source>{k} files could not be read (hover for why)</source>
        <translation>{k} 个文件无法读取（悬停查看原因）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="590" />
        <source>loading cancelled</source>
        <translation>已取消载入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="606" />
        <source>Loading failed: {error}</source>
        <translation>载入失败：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="650" />
        <source>Open Library Folder</source>
        <translation>打开资料库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="658" />
        <source>Add Files to the Library</source>
        <translation>将文件添加到资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="660" />
        <source>Saved pages (*.html *.htm *.txt *.md);;All files (*)</source>
        <translation>保存的网页 (*.html *.htm *.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="682" />
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="683" />
        <source>Could not copy {name}: {error}</source>
        <translation>无法复制 {name}：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="730" />
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="736" />
        <source>No tags yet</source>
        <translation>还没有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="739" />
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="759" />
        <source>Tags: {tags} ▾</source>
        <translation>标签：{tags} ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="768" />
        <source>All sources</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="863" />
        <source>Original page: {n} pieces removed by the cleaner, struck through with the reason</source>
        <translation>原始页面：清理器删除了 {n} 处内容，已用删除线标出并注明原因</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="914" />
        <source>Tag highlight</source>
        <translation>给高亮加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="933" />
        <source>Re-attach highlight</source>
        <translation>重新关联高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="934" />
        <source>First select, in the text, the passage this highlight belongs to.</source>
        <translation>请先在正文中选中这条高亮所属的段落。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="963" />
        <source>Tag article</source>
        <translation>给文章加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="988" />
        <source>&amp;Undo {what}</source>
        <translation>撤销：{what}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="991" />
        <source>&amp;Redo {what}</source>
        <translation>重做：{what}(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1011" />
        <source>(not in this library)</source>
        <translation>（不在此资料库中）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1047" />
        <location filename="../../reader/ui/main_window.py" line="1067" />
        <location filename="../../reader/ui/main_window.py" line="1078" />
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1049" />
        <source>W3C annotations (*.json *.jsonld);;All files (*)</source>
        <translation>W3C 批注 (*.json *.jsonld);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1060" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1068" />
        <source>{error}

Nothing was imported.</source>
        <translation>{error}

没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1076" />
        <source>Import: {summary}</source>
        <translation>导入：{summary}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1096" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1104" />
        <source>Not saved: {error} — will retry</source>
        <translation>未保存：{error}——稍后重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1108" />
        <location filename="../../reader/ui/main_window.py" line="1172" />
        <source>Could not save annotations</source>
        <translation>无法保存批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1110" />
        <source>{error}

Your changes are kept in memory and Reader will keep trying to save them.</source>
        <translation>{error}

您的更改保留在内存中，Reader 会继续尝试保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1119" />
        <source>Annotations changed by another program were loaded.</source>
        <translation>已载入其他程序修改的批注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1125" />
        <source>Annotation store</source>
        <translation>批注存储</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1127" />
        <source>Read-only: {why}</source>
        <translation>只读：{why}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1132" />
        <source>Highlight selection in a colour</source>
        <translation>用某种颜色高亮所选内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1133" />
        <source>Highlight in the default colour</source>
        <translation>用默认颜色高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1134" />
        <source>Highlight and write a note</source>
        <translation>高亮并写笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1135" />
        <source>Highlight and tag</source>
        <translation>高亮并加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1136" />
        <source>Next / previous match (find bar)</source>
        <translation>下一个/上一个匹配（查找栏）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1137" />
        <source>Move through articles</source>
        <translation>在文章之间移动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1138" />
        <source>Open the article (move to the text)</source>
        <translation>打开文章（转到正文）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1139" />
        <source>Save the note</source>
        <translation>保存笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1148" />
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1150" />
        <source>&lt;b&gt;Reader&lt;/b&gt; {v}&lt;p&gt;Read and annotate saved web articles.&lt;/p&gt;&lt;p&gt;Annotations: {store}&lt;/p&gt;</source>
        <translation>&lt;b&gt;Reader&lt;/b&gt; {v}&lt;p&gt;阅读并批注保存的网页文章。&lt;/p&gt;&lt;p&gt;批注文件：{store}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1173" />
        <source>{error}

Quit anyway and lose the unsaved changes?</source>
        <translation>{error}

仍然退出并丢失未保存的更改吗？</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="324" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="328" />
        <location filename="../../reader/ui/dialogs.py" line="348" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="329" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="330" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="331" />
        <source>Sepia</source>
        <translation>护眼</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="335" />
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="340" />
        <source>Reading &amp;font:</source>
        <translation>阅读字体(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="345" />
        <source>Font &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="356" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="357" />
        <source>A language change applies at the next start.</source>
        <translation>语言更改将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="108" />
        <source>Article text</source>
        <translation>文章正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="202" />
        <source>Select an article to read it.</source>
        <translation>选择一篇文章开始阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="246" />
        <source>No date, source or author on the page</source>
        <translation>页面上没有日期、来源或作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="317" />
        <source>removed: {reason}</source>
        <translation>已删除：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="593" />
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="595" />
        <source>{color}	{key}</source>
        <translation>{color}	{key}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="599" />
        <source>Highlight with &amp;note…	N</source>
        <translation>高亮并写笔记(&amp;N)…	N</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="602" />
        <source>Highlight with &amp;tag…	T</source>
        <translation>高亮并加标签(&amp;T)…	T</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="609" />
        <source>Change &amp;colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="615" />
        <source>&amp;Delete highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="618" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="620" />
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="79" />
        <source>Highlight ({key})</source>
        <extracomment>Keys 1-6 pick these palette colours.</extracomment>
        <translation>高亮（{key}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="80" />
        <source>Highlight in {color}</source>
        <translation>用{color}高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="84" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="84" />
        <source>Highlight and write a note (N)</source>
        <translation>高亮并写笔记（N）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="85" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="85" />
        <source>Highlight and tag (T)</source>
        <translation>高亮并加标签（T）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="291" />
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="313" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>TagField</name>
    <message>
        <location filename="../../reader/ui/tags.py" line="74" />
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="75" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../reader/ui/tags.py" line="137" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="142" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="142" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="142" />
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="151" />
        <source>Tag list</source>
        <translation>标签列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="155" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="156" />
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="157" />
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="158" />
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="164" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="187" />
        <source>Select a tag first.</source>
        <translation>请先选择一个标签。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="202" />
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="202" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="215" />
        <source>Merge tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="216" />
        <source>Merge “{tag}” into:</source>
        <translation>将“{tag}”合并到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="230" />
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="243" />
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="244" />
        <source>Delete the tag “{tag}”? It is on {a} article(s) and {h} highlight(s).</source>
        <translation>删除标签“{tag}”？它用于 {a} 篇文章和 {h} 条高亮。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../reader/ui/app.py" line="62" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
</context>
<context>
    <name>win</name>
    <message>
        <location filename="../../reader/ui/app.py" line="70" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="72" />
        <source>The library folder {folder} does not exist. Use File ▸ Open Library Folder…</source>
        <translation>资料库文件夹 {folder} 不存在。请使用“文件 ▸ 打开资料库文件夹…”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="91" />
        <source>No Chinese font</source>
        <translation>没有中文字体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="93" />
        <source>No installed font covers Chinese, so Chinese text shows as boxes.

On Debian/Ubuntu install one with:
    sudo apt-get install fonts-noto-cjk
On other systems install Noto Sans CJK SC or Source Han Sans.</source>
        <translation>系统中没有支持中文的字体，中文会显示为方框。

在 Debian/Ubuntu 上可以这样安装：
    sudo apt-get install fonts-noto-cjk
在其他系统上请安装 Noto Sans CJK SC 或思源黑体。</translation>
    </message>
</context>
</TS>