<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllHighlightsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="192" />
        <source>All Highlights</source>
        <translation>全部高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="197" />
        <source>Filter by text, note or article…</source>
        <translation>按文字、笔记或文章筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="198" />
        <source>Filter highlights</source>
        <translation>筛选高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="201" />
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="202" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="206" />
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="226" />
        <source>All highlights</source>
        <translation>全部高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="242" />
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="251" />
        <source>{n} highlights</source>
        <translation>{n} 条高亮</translation>
    </message>
</context>
<context>
    <name>AllHighlightsModel</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="116" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="116" />
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="116" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="116" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="116" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="116" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="187" />
        <source>&lt;b&gt;Article&lt;/b&gt;</source>
        <translation>&lt;b&gt;文章&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="190" />
        <source>Article tags</source>
        <translation>文章标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="194" />
        <source>&amp;Read</source>
        <translation>已读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="196" />
        <source>&amp;Starred</source>
        <translation>星标(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="204" />
        <source>&lt;b&gt;Highlights&lt;/b&gt;</source>
        <translation>&lt;b&gt;高亮&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="207" />
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="208" />
        <source>Filter highlights</source>
        <translation>筛选高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="210" />
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="211" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="215" />
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="233" />
        <source>Highlights in this article</source>
        <translation>本文的高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="247" />
        <source>Orphaned highlights</source>
        <translation>孤立高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="251" />
        <source>Re-attach to &amp;selection</source>
        <translation>关联到所选内容(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="253" />
        <source>Select the passage in the text where this highlight belongs, then click here</source>
        <translation>在正文中选中这条高亮所属的段落，然后点击这里</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="269" />
        <source>Colour {name}</source>
        <translation>颜色：{name}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="274" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="275" />
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="280" />
        <source>Note (Markdown)…</source>
        <translation>笔记（Markdown）…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="281" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="287" />
        <source>Highlight tags</source>
        <translation>高亮标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="308" />
        <source>&lt;b&gt;Orphaned&lt;/b&gt; (text no longer found): {n}</source>
        <translation>&lt;b&gt;孤立高亮&lt;/b&gt;（原文已找不到）：{n}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="324" />
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="419" />
        <source>Change &amp;colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="422" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../reader/ui/library_model.py" line="47" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="48" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="49" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="50" />
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="51" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="52" />
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="53" />
        <source>Read</source>
        <translation>已读</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="53" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="55" />
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="63" />
        <source>Previous (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="63" />
        <source>Next (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="72" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="73" />
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="93" />
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="95" />
        <source>{i} of {n}</source>
        <translation>第 {i} 个，共 {n} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="95" />
        <source>{n} matches</source>
        <translation>{n} 个匹配</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="125" />
        <location filename="../../reader/ui/main_window.py" line="766" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="161" />
        <source>Search titles and text (Ctrl+L)</source>
        <translation>搜索标题和正文（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <source>Search the library</source>
        <translation>搜索资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="169" />
        <location filename="../../reader/ui/main_window.py" line="643" />
        <source>Tags ▾</source>
        <translation>标签 ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="170" />
        <source>Filter by tags</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="176" />
        <source>Filter by source</source>
        <translation>按来源筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="181" />
        <source>Number of articles shown</source>
        <translation>显示的文章数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="199" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="224" />
        <source>Contents ▾</source>
        <translation>目录 ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="225" />
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="232" />
        <location filename="../../reader/ui/main_window.py" line="739" />
        <source>Show original</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="234" />
        <source>Show the original page with removed parts marked</source>
        <translation>显示原始页面并标出被删除的部分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="274" />
        <source>Loading progress</source>
        <translation>载入进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="277" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="278" />
        <source>Cancel loading</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="308" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="309" />
        <source>&amp;Open Library Folder…</source>
        <translation>打开资料库文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="310" />
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="311" />
        <source>&amp;Reload Library</source>
        <translation>重新载入资料库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="315" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="317" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="318" />
        <location filename="../../reader/ui/main_window.py" line="860" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="319" />
        <location filename="../../reader/ui/main_window.py" line="861" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="321" />
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="322" />
        <source>Search &amp;Library</source>
        <translation>搜索资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="324" />
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选内容(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="325" />
        <source>Highlight with &amp;Note…</source>
        <translation>高亮并写笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="326" />
        <source>Highlight with &amp;Tag…</source>
        <translation>高亮并加标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="328" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="330" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="331" />
        <source>Show &amp;Original</source>
        <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="332" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="333" />
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="334" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="337" />
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="337" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="337" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="337" />
        <source>S&amp;epia</source>
        <translation>护眼(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="345" />
        <source>&amp;Annotations Panel</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="348" />
        <source>All &amp;Highlights…</source>
        <translation>全部高亮(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="350" />
        <source>&amp;Library</source>
        <translation>资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="351" />
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="352" />
        <source>Tag &amp;Article…</source>
        <translation>给文章加标签(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="353" />
        <source>Mark &amp;Read/Unread</source>
        <translation>标记为已读/未读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="355" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="356" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="357" />
        <source>&amp;About Reader</source>
        <translation>关于 Reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="428" />
        <source>Loading {folder}…</source>
        <translation>正在载入 {folder}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="442" />
        <source>Cleaning articles: {done} of {total}</source>
        <translation>正在清理文章：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="484" />
        <location filename="../../reader/ui/main_window.py" line="615" />
        <source>{n} articles</source>
        <translation>{n} 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="486" />
        <source>{k} files could not be read (hover for why)</source>
        <translation>{k} 个文件无法读取（悬停查看原因）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="491" />
        <source>loading cancelled</source>
        <translation>已取消载入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="507" />
        <source>Loading failed: {error}</source>
        <translation>载入失败：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="546" />
        <source>Open Library Folder</source>
        <translation>打开资料库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="552" />
        <source>Add Files to the Library</source>
        <translation>将文件添加到资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="553" />
        <source>Saved pages (*.html *.htm *.txt *.md);;All files (*)</source>
        <translation>保存的网页 (*.html *.htm *.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="573" />
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="573" />
        <source>Could not copy {name}: {error}</source>
        <translation>无法复制 {name}：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="617" />
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="623" />
        <source>No tags yet</source>
        <translation>还没有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="626" />
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="643" />
        <source>Tags: {tags} ▾</source>
        <translation>标签：{tags} ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="651" />
        <source>All sources</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="744" />
        <source>Original page: {n} pieces removed by the cleaner, struck through with the reason</source>
        <translation>原始页面：清理器删除了 {n} 处内容，已用删除线标出并注明原因</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="793" />
        <source>Tag highlight</source>
        <translation>给高亮加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="810" />
        <source>Re-attach highlight</source>
        <translation>重新关联高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="810" />
        <source>First select, in the text, the passage this highlight belongs to.</source>
        <translation>请先在正文中选中这条高亮所属的段落。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="836" />
        <source>Tag article</source>
        <translation>给文章加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="860" />
        <source>&amp;Undo {what}</source>
        <translation>撤销：{what}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="861" />
        <source>&amp;Redo {what}</source>
        <translation>重做：{what}(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="877" />
        <source>(not in this library)</source>
        <translation>（不在此资料库中）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="898" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="906" />
        <source>Not saved: {error} — will retry</source>
        <translation>未保存：{error}——稍后重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="909" />
        <location filename="../../reader/ui/main_window.py" line="964" />
        <source>Could not save annotations</source>
        <translation>无法保存批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="910" />
        <source>{error}

Your changes are kept in memory and Reader will keep trying to save them.</source>
        <translation>{error}

您的更改保留在内存中，Reader 会继续尝试保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="918" />
        <source>Annotations changed by another program were loaded.</source>
        <translation>已载入其他程序修改的批注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="924" />
        <source>Annotation store</source>
        <translation>批注存储</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="926" />
        <source>Read-only: {why}</source>
        <translation>只读：{why}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="931" />
        <source>Highlight selection in a colour</source>
        <translation>用某种颜色高亮所选内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="932" />
        <source>Highlight in the default colour</source>
        <translation>用默认颜色高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="933" />
        <source>Highlight and write a note</source>
        <translation>高亮并写笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="934" />
        <source>Highlight and tag</source>
        <translation>高亮并加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="935" />
        <source>Next / previous match (find bar)</source>
        <translation>下一个/上一个匹配（查找栏）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="936" />
        <source>Move through articles</source>
        <translation>在文章之间移动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="937" />
        <source>Open the article (move to the text)</source>
        <translation>打开文章（转到正文）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="938" />
        <source>Save the note</source>
        <translation>保存笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="946" />
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="947" />
        <source>&lt;b&gt;Reader&lt;/b&gt; {v}&lt;p&gt;Read and annotate saved web articles.&lt;/p&gt;&lt;p&gt;Annotations: {store}&lt;/p&gt;</source>
        <translation>&lt;b&gt;Reader&lt;/b&gt; {v}&lt;p&gt;阅读并批注保存的网页文章。&lt;/p&gt;&lt;p&gt;批注文件：{store}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="965" />
        <source>{error}

Quit anyway and lose the unsaved changes?</source>
        <translation>{error}

仍然退出并丢失未保存的更改吗？</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="294" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <location filename="../../reader/ui/dialogs.py" line="312" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <source>Sepia</source>
        <translation>护眼</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="300" />
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="305" />
        <source>Reading &amp;font:</source>
        <translation>阅读字体(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="310" />
        <source>Font &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="315" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="316" />
        <source>A language change applies at the next start.</source>
        <translation>语言更改将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="105" />
        <source>Article text</source>
        <translation>文章正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="198" />
        <source>Select an article to read it.</source>
        <translation>选择一篇文章开始阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="240" />
        <source>No date, source or author on the page</source>
        <translation>页面上没有日期、来源或作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="310" />
        <source>removed: {reason}</source>
        <translation>已删除：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="554" />
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="556" />
        <source>{color}	{key}</source>
        <translation>{color}	{key}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="559" />
        <source>Highlight with &amp;note…	N</source>
        <translation>高亮并写笔记(&amp;N)…	N</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="560" />
        <source>Highlight with &amp;tag…	T</source>
        <translation>高亮并加标签(&amp;T)…	T</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="566" />
        <source>Change &amp;colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="569" />
        <source>&amp;Delete highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="571" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="573" />
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="78" />
        <source>Highlight ({key})</source>
        <extracomment>Keys 1-6 pick these palette colours.</extracomment>
        <translation>高亮（{key}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="79" />
        <source>Highlight in {color}</source>
        <translation>用{color}高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="83" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="83" />
        <source>Highlight and write a note (N)</source>
        <translation>高亮并写笔记（N）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="84" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="84" />
        <source>Highlight and tag (T)</source>
        <translation>高亮并加标签（T）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="264" />
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="270" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="270" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="283" />
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
        <location filename="../../reader/ui/tags.py" line="131" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="135" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="135" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="135" />
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="143" />
        <source>Tag list</source>
        <translation>标签列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="147" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="148" />
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="149" />
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="150" />
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="156" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="177" />
        <source>Select a tag first.</source>
        <translation>请先选择一个标签。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="192" />
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="192" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="204" />
        <source>Merge tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="204" />
        <source>Merge “{tag}” into:</source>
        <translation>将“{tag}”合并到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="215" />
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="228" />
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="229" />
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
        <location filename="../../reader/ui/app.py" line="66" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="66" />
        <source>The library folder {folder} does not exist. Use File ▸ Open Library Folder…</source>
        <translation>资料库文件夹 {folder} 不存在。请使用“文件 ▸ 打开资料库文件夹…”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="81" />
        <source>No Chinese font</source>
        <translation>没有中文字体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="82" />
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