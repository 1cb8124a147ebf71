<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>待报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待报告 · 剩余不足 60 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尽快报告 · 剩余不足 15 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即报告 · 剩余不足 5 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已超时 · 仍须尽快报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按时报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已报告（迟于期限）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无须依《办法》报告（一般事件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待办 · 无法定时限，应及时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置结束后起算 30 日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（北京时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限：处置工作结束后 {days} 日内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限：无法定时限（应及时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已报 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告期限（北京时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填写发现时间后，这里显示每项报告义务的倒计时。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择左侧的事件查看期限和报送记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>继续编辑 / 导出 / 登记报送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置工作已结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记下处置结束时间；总结报告须在其后 30 日内报送（第八条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这里显示所选事件每项报告义务的倒计时。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未命名事件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（演练）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有登记报送。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>迟于期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有导出报告。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出的报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已超时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已报告（迟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无须报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待处置结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>定级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近期限（北京时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演练</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未完成报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>真实事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络安全事件报告助手</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建事件(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>继续编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份(&amp;B)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索事件名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已自动保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有一份尚未完成首报的草稿：「{t}」。所有已填写的内容都已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库备份 (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已备份并校验：{p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库备份 (*.sqlite3 *.sqlite *.db *.bak);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用备份「{p}」替换当前数据？当前数据会先另存一份，不会丢失。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从备份恢复。原来的数据另存在：{p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从备份恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络安全事件报告助手 {v}
规则包 {pid} {pv}
依据：《{title}》（{date}，{force} 起施行）
来源：{src}
本软件不联网，所有数据只保存在本机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>【示例演练】</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欢迎使用网络安全事件报告助手</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如果现在就发生了事件：直接点下面的按钮，先记下发现时间，报告期限会立即显示。所有内容自动保存在本机，不联网。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发生了事件，立即开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位资料（可跳过，以后每次报告自动填入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所在省份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他网络运营者（企业、医院、学校、商户等）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中央和国家机关各部门及其直属单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>先看看：打开示例事件（演练）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信用代码应为 18 位（不含 I、O、Z、S、V），请核对；也可以先不填。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信用代码校验位不符（应为 {c}），请核对；也可以先不填。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>先记下什么时候发现的。从发现时刻起，报告期限就开始计算，右侧会显示倒计时。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现或获知时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第一次发现异常、或接到别人通知的时刻。报告期限从这一刻起算（D1：从严理解）。例：前台 9:30 看到勒索提示，就填 9:30。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发生时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件实际开始的时间，不能晚于发现时间；不清楚就勾「不知道」。例：日志显示 8:10 有异常登录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一句话说明发生了什么。例：门诊系统文件被加密。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件发生或受影响设备所在地。例：某市某区某路1号 一楼收费处。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是演练（不是真实事件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演练的报告每页都印有「演练」字样，不计入统计。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉事单位的基本信息（第七条第一项）。已自动填入单位资料，改动后可保存为今后的默认值。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他网络运营者（多数单位：企业、医院、学校、商户等）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与营业执照或登记证书一致。例：某某市某某诊所。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 位，营业执照上有。填错校验位会提醒。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>决定向谁报告、几小时内报告（第四条）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>向属地省级网信部门报告时使用。例：福建省。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保护工作部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅关键信息基础设施需要：负责本行业关基保护的部门。例：省卫生健康委员会。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本部门网信工作机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅中央和国家机关及其直属单位需要。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>能随时接通的手机号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存为单位资料（下次自动填入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（信用代码校验未通过，请核对）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉事系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>哪些系统或设施受到影响（第七条第一项）。写清用途，不需要技术细节。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受影响的系统或设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每行一个。例：HIS门诊系统｜挂号、收费和电子病历｜否。「关基」指被认定为关键信息基础设施的系统，一般单位不是。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用途和规模</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关基</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件涉及关键信息基础设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾选后须在 1 小时内向保护工作部门和公安机关报告（第四条第一款）。不确定是否属于关基，请问行业主管部门。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按 GB/T 20986-2023 分类（第七条第二项「类型」）。不会分类？点下面最像的现象。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>子类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对方要求支付赎金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾选后会多一页，记录赎金金额、方式和日期（第七条第二项）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>常见现象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>点一下即可选好类别和子类，之后仍可修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— 不知道 / 未选择 —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不知道就留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>北京时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不知道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除选中行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>须报告：属于较大以上网络安全事件（第四条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无须依《办法》报告：一般事件（其他法律法规、行业规定仍可能要求报告）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待定：还没有影响数据。期限照常计算，请尽快补充或手动定级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>影响与定级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按《网络安全事件分级指南》（附件）定级。每题都可以不答；答了哪题，右侧和下方立即更新。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人员和经济影响</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受影响的人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用水、用电、用气、取暖、交通出行、就医、购物等工作生活受影响的人数，可写「12万」。例：门诊停摆一天，在册患者约 12 万人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>泄露了多少人的个人信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按人数计，不是条数。没有泄露填 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直接经济损失（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件直接造成的财产损失和处置费用，如设备损毁、数据恢复费、停业损失；不含赎金本身。可写「300万」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受影响人口占所在地市人口的百分比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只在影响大范围民生时填写，例：30。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受影响人口占所在省人口的百分比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统中断</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只在涉及关键信息基础设施时填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关基整体中断（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例：整个系统停了 2 小时，填 120。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关基主要功能中断（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能访问的网站类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企事业单位门户网站均计入（D10：从严理解）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能访问多久（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被篡改的网站或平台类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网页被改、出现违法有害信息时填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法有害信息在主页上持续（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在其他页面持续（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被社交平台转发次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>浏览或点击次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网信部门或公安机关认定的传播范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>特大范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>较大范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据与其他情形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下面是需要您判断的项目，必须写明理由。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核心数据、重要数据泄露或被窃取、篡改的威胁程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有数据已被认定为重要数据或核心数据时才选；一般客户资料按上面的人数计算。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>特别严重威胁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>严重威胁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>较严重威胁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按附件定性情形，您判断的等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件中「其他……构成较严重威胁」等情形需人工判断；与上面的数字取较高者。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>定性判断的理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手动定级（替代计算结果）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可调高或调低；调低会在每份报告上注明（D11）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手动定级的理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必填。例：主管部门电话确认按重大处置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按附件计算为：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勒索软件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第七条第二项：勒索软件攻击事件还应报告要求支付赎金的金额、方式、日期等。照勒索信上写的填；不要联系攻击者。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>要求的金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例：2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>币种</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例：BTC、USDT、人民币</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>要求的支付方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例：比特币转账到指定钱包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勒索信给出的日期或期限，例：2026-11-26 前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钱包地址或联系方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勒索信里的邮箱、钱包地址等，原样抄录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已经支付了赎金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如实填写；是否支付不影响报告义务。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第七条第二至八项。首报可以只填「影响和危害」「措施及效果」，其余查清后及时补报（第七条第二款）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已造成的影响和危害（第二项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用事实说话：什么停了、多久、影响了谁。例：全天无法挂号收费，改为手工登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已采取的措施及效果（第二项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>做了什么、有没有用。例：已断网隔离服务器，加密未再扩散。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事态发展趋势及可能的进一步影响（第三项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接下来可能怎样。例：备份也可能被加密，恢复需 2 天。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因初步分析（第四项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目前的判断即可，可写「初步判断」。例：远程桌面弱口令被爆破。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可能的攻击者信息（第五项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勒索信署名、邮箱、IP 地址等。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>攻击路径（第五项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>怎么进来的。例：公网 3389 端口 → 管理员账户 → 共享目录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存在的漏洞（第五项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例：远程桌面对公网开放、密码过于简单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟进一步采取的应对措施（第六项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例：请专业公司恢复数据，关闭公网远程桌面。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请求支援事项（第六项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要主管部门帮什么；没有写「无」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场保护情况（第七项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为调查保留证据的做法。简易清单：①不要关机重装，断网即可；②拍照保存勒索提示；③保留日志和可疑文件；④记录谁在什么时间做了什么操作。例：已断网保留服务器原状，拍照留存勒索信。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他应当报告的情况（第八项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有写「无」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉嫌违法犯罪（须及时向公安机关报案，第四条第五款）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勒索、入侵、窃取数据通常都涉嫌犯罪。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行业规定的报告（第四条第四款）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本行业另有报告规定时添加，例：金融机构向人民银行报告。时限填小时数，倒计时与法定期限同样显示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时限（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据或备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加行业报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>级别（影响情况）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已造成的影响和危害</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已采取的措施及效果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>赎金金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>赎金币种</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>支付方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>赎金日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事态发展趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因初步分析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>攻击者信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>攻击路径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存在的漏洞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟采取的措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请求支援事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场保护情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直接联系接收单位：当面、电话或其指定方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按接收单位要求的方式（原渠道）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查与导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>看看还缺什么，导出报告，报送后在这里登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺项（点击跳到该页）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告义务与渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出报告 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览并导出 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记报送（报送后填写，证明按时报告）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理编号、邮件主题或接听人等，可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记报送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告义务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送时间（北京时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号或备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可以先报第一、二项，其余及时补报（第七条第二款）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首报还缺 {n} 项（见下）；来不及补齐也要在期限前先报已知情况。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近期限：{r}，还剩 {left}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目前没有正在倒计时的报告期限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置工作结束后 {d} 日内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无固定时限，应及时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收方还须在收到后向上级报告（供参考，不是您的期限）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择报告义务。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记：{r}，{t}（北京时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络安全事件报告向导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭（已自动保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先修正：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络安全事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法保存到 {p}：{e}。请换一个文件夹再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存：{p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>续报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总结报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
