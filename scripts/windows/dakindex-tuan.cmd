@echo off
rem dakindex: bao cao tuan cho Task Scheduler (README.md, muc "Tren may Windows").
rem Dat tep nay trong thu muc lam viec (dakindex init da ghi no vao do): no chay trong
rem thu muc cua chinh no, ghi ket qua va loi vao dakindex.log ben canh, va tra ve ma
rem thoat cua dakindex (0 thanh cong, 1 loi du lieu, 4 thieu PDF...) cho Task Scheduler.
rem Tep chi co chu ASCII: cmd doc tep .cmd theo bang ma cua may, khong phai UTF-8.
pushd "%~dp0" || exit /b 1
echo ===== %DATE% %TIME% >> dakindex.log
call npx --no dakindex report --week current >> dakindex.log 2>&1
set "RC=%ERRORLEVEL%"
popd
exit /b %RC%
